// Note previews: hovering or focusing a [n] marker shows its note. The page works without this script
// (the marker is a plain link to the note at the end of the page).
(function () {
  "use strict";
  var preview = null;
  var owner = null;

  function hide() {
    if (preview) { preview.remove(); preview = null; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  function show(link) {
    var id = (link.getAttribute("href") || "").slice(1);
    var note = id ? document.getElementById(id) : null;
    if (!note || owner === link) { return; }
    hide();
    var text = note.querySelector(".note-text");
    preview = document.createElement("div");
    preview.className = "note-preview";
    preview.id = "note-preview";
    preview.setAttribute("role", "tooltip");
    var num = document.createElement("span");
    num.className = "note-preview-num";
    num.textContent = link.getAttribute("data-note") || "";
    preview.appendChild(num);
    preview.appendChild(document.createTextNode((text || note).textContent.trim()));
    document.body.appendChild(preview);
    var r = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left - 16, window.scrollX + document.documentElement.clientWidth - preview.offsetWidth - 8));
    preview.style.left = left + "px";
    preview.style.top = (window.scrollY + r.bottom + 6) + "px";
    owner = link;
    link.setAttribute("aria-describedby", "note-preview");
  }

  function marker(ev) {
    var t = ev.target;
    return t && t.closest ? t.closest("a.fn-ref") : null;
  }

  document.addEventListener("mouseover", function (ev) { var m = marker(ev); if (m) { show(m); } });
  document.addEventListener("mouseout", function (ev) { var m = marker(ev); if (m && m === owner && document.activeElement !== m) { hide(); } });
  document.addEventListener("focusin", function (ev) { var m = marker(ev); if (m) { show(m); } else { hide(); } });
  document.addEventListener("focusout", function (ev) { if (marker(ev) === owner) { hide(); } });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
})();
