"""UN M49 macro regions keyed by ISO 3166-1 alpha-3 (pycountry has no regions), plus the Monitor's areas.

Used to group an edition's table of contents. Anything not listed falls into "Other".
"""

from __future__ import annotations

REGIONS: tuple[str, ...] = ("Africa", "Americas", "Asia", "Europe", "Oceania", "Other")

_CODES: dict[str, str] = {
    "Africa": """
        DZA EGY LBY MAR SDN TUN ESH
        IOT BDI COM DJI ERI ETH ATF KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA ZMB ZWE
        AGO CMR CAF TCD COG COD GNQ GAB STP
        BWA SWZ LSO NAM ZAF
        BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SHN SEN SLE TGO
        XSL
    """,
    "Americas": """
        AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT
        SXM TTO TCA VIR
        BLZ CRI SLV GTM HND MEX NIC PAN
        ARG BOL BVT BRA CHL COL ECU FLK GUF GUY PRY PER SGS SUR URY VEN
        BMU CAN GRL SPM USA
    """,
    "Asia": """
        KAZ KGZ TJK TKM UZB
        CHN HKG MAC PRK JPN MNG KOR TWN
        BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM
        AFG BGD BTN IND IRN MDV NPL PAK LKA
        ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM
        XAB XNK XGH
    """,
    "Europe": """
        BLR BGR CZE HUN POL MDA ROU RUS SVK UKR
        ALA DNK EST FRO FIN GGY ISL IRL IMN JEY LVA LTU NOR SJM SWE GBR
        ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP
        AUT BEL FRA DEU LIE LUX MCO NLD CHE
        XKX XCE
    """,
    "Oceania": """
        AUS CXR CCK HMD NZL NFK
        FJI NCL PNG SLB VUT
        GUM KIR MHL FSM NRU MNP PLW UMI
        ASM COK PYF NIU PCN WSM TKL TON TUV WLF
    """,
}

REGION_OF: dict[str, str] = {code: region for region, codes in _CODES.items() for code in codes.split()}


def region(iso3: str | None) -> str:
    """The M49 macro region of a country or area code ("Other" when unknown or missing)."""
    return REGION_OF.get((iso3 or "").upper(), "Other")
