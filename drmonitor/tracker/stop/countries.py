"""Countries and territories: the English names STOP uses, every ISO 3166-1 country and
territory (from pycountry, kept up to date by its maintainers), and the disputed territories
STOP names that ISO does not list.

STOP names countries in words; we store two-letter codes. An import must not invent countries
from misspellings, so a name that is none of these (nor an alias) is a row error. A disputed
territory gets a code from ISO's user-assigned range (XA-XZ), which ISO never gives a country.
"""

from __future__ import annotations

import pycountry

# code, name as STOP spells it, STOP region: the countries of STOP's Combined sheet. Names
# that are not here come from ISO 3166 (pycountry) and have no STOP region.
COUNTRIES: list[tuple[str, str, str]] = [
    ("AE", "United Arab Emirates", "MENA"),
    ("AF", "Afghanistan", "APAC"),
    ("AL", "Albania", "Europe"),
    ("AM", "Armenia", "EECA"),
    ("AO", "Angola", "Africa"),
    ("AZ", "Azerbaijan", "EECA"),
    ("BD", "Bangladesh", "APAC"),
    ("BF", "Burkina Faso", "Africa"),
    ("BH", "Bahrain", "MENA"),
    ("BI", "Burundi", "Africa"),
    ("BJ", "Benin", "Africa"),
    ("BR", "Brazil", "LAC"),
    ("BY", "Belarus", "EECA"),
    ("CD", "Congo (Democratic Republic of the)", "Africa"),
    ("CF", "Central African Republic", "Africa"),
    ("CG", "Congo", "Africa"),
    ("CI", "Côte d'Ivoire", "Africa"),
    ("CM", "Cameroon", "Africa"),
    ("CN", "China", "APAC"),
    ("CU", "Cuba", "LAC"),
    ("DZ", "Algeria", "MENA"),
    ("EC", "Ecuador", "LAC"),
    ("EG", "Egypt", "MENA"),
    ("SV", "El Salvador", "LAC"),
    ("ER", "Eritrea", "Africa"),
    ("ET", "Ethiopia", "Africa"),
    ("GA", "Gabon", "Africa"),
    ("GB", "United Kingdom", "Europe"),
    ("GM", "Gambia", "Africa"),
    ("GN", "Guinea", "Africa"),
    ("GQ", "Equatorial Guinea", "Africa"),
    ("GW", "Guinea-Bissau", "Africa"),
    ("ID", "Indonesia", "APAC"),
    ("IL", "Israel", "MENA"),
    ("IN", "India", "APAC"),
    ("IQ", "Iraq", "MENA"),
    ("IR", "Iran (Islamic Republic of)", "MENA"),
    ("JO", "Jordan", "MENA"),
    ("KE", "Kenya", "Africa"),
    ("KG", "Kyrgyzstan", "EECA"),
    ("KH", "Cambodia", "APAC"),
    ("KM", "Comoros", "Africa"),
    ("KP", "North Korea", "APAC"),
    ("KR", "South Korea", "APAC"),
    ("KZ", "Kazakhstan", "EECA"),
    ("LA", "Laos", "APAC"),
    ("LB", "Lebanon", "MENA"),
    ("LK", "Sri Lanka", "APAC"),
    ("LR", "Liberia", "Africa"),
    ("LT", "Lithuania", "Europe"),
    ("LV", "Latvia", "Europe"),
    ("LY", "Libya", "MENA"),
    ("MA", "Morocco", "MENA"),
    ("ME", "Montenegro", "Europe"),
    ("ML", "Mali", "Africa"),
    ("MM", "Myanmar", "APAC"),
    ("MR", "Mauritania", "MENA"),
    ("MU", "Mauritius", "Africa"),
    ("MW", "Malawi", "Africa"),
    ("MY", "Malaysia", "APAC"),
    ("MZ", "Mozambique", "Africa"),
    ("NC", "New Caledonia", "APAC"),
    ("NE", "Niger", "Africa"),
    ("NG", "Nigeria", "Africa"),
    ("NI", "Nicaragua", "LAC"),
    ("NP", "Nepal", "APAC"),
    ("OM", "Oman", "MENA"),
    ("PA", "Panama", "LAC"),
    ("PG", "Papua New Guinea", "APAC"),
    ("PH", "Philippines", "APAC"),
    ("PK", "Pakistan", "APAC"),
    ("PS", "Palestine, State of", "MENA"),
    ("QA", "Qatar", "MENA"),
    ("RU", "Russian Federation", "EECA"),
    ("RW", "Rwanda", "Africa"),
    ("SA", "Saudi Arabia", "MENA"),
    ("SD", "Sudan", "MENA"),
    ("SL", "Sierra Leone", "Africa"),
    ("SN", "Senegal", "Africa"),
    ("XS", "Somaliland", "Africa"),
    ("SR", "Suriname", "LAC"),
    ("SS", "South Sudan", "Africa"),
    ("SY", "Syrian Arab Republic", "MENA"),
    ("SZ", "Eswatini", "Africa"),
    ("TD", "Chad", "Africa"),
    ("TG", "Togo", "Africa"),
    ("TJ", "Tajikistan", "EECA"),
    ("TM", "Turkmenistan", "EECA"),
    ("TN", "Tunisia", "MENA"),
    ("TR", "Turkey", "MENA"),
    ("TZ", "Tanzania, United Republic of", "Africa"),
    ("UA", "Ukraine", "EECA"),
    ("UG", "Uganda", "Africa"),
    ("US", "United States of America", "North America"),
    ("UZ", "Uzbekistan", "EECA"),
    ("VE", "Venezuela (Bolivarian Republic of)", "LAC"),
    ("VN", "Viet Nam", "APAC"),
    ("YE", "Yemen", "MENA"),
    ("ZM", "Zambia", "Africa"),
    ("ZW", "Zimbabwe", "Africa"),
]

# Other spellings editors and older sheets use.
ALIASES: dict[str, str] = {
    "Congo, Democratic Republic of the": "CD",
    "Democratic Republic of the Congo": "CD",
    "DRC": "CD",
    "Republic of the Congo": "CG",
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "UK": "GB",
    "Iran": "IR",
    "Korea (Democratic People's Republic of)": "KP",
    "Korea, Republic of": "KR",
    "Lao People's Democratic Republic": "LA",
    "Palestine": "PS",
    "Russia": "RU",
    "Syria": "SY",
    "Swaziland": "SZ",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "Tanzania": "TZ",
    "United States": "US",
    "USA": "US",
    "Venezuela": "VE",
    "Vietnam": "VN",
}

# Territories STOP names that ISO 3166 does not list, with user-assigned codes.
DISPUTED: dict[str, str] = {"Somaliland": "XS", "Kosovo": "XK"}

NAME_BY_CODE = {country.alpha_2: country.name for country in pycountry.countries}
NAME_BY_CODE |= {code: name for name, code in DISPUTED.items()}
NAME_BY_CODE |= {code: name for code, name, _ in COUNTRIES}
REGION_BY_CODE = {code: region for code, _, region in COUNTRIES}
_CODE_BY_NAME: dict[str, str] = {}
for _country in pycountry.countries:
    for _attribute in ("name", "official_name", "common_name", "alpha_3"):
        if _name := getattr(_country, _attribute, None):
            _CODE_BY_NAME[_name.casefold()] = _country.alpha_2
_CODE_BY_NAME |= {name.casefold(): code for name, code in DISPUTED.items()}
_CODE_BY_NAME |= {name.casefold(): code for code, name, _ in COUNTRIES}
_CODE_BY_NAME |= {alias.casefold(): code for alias, code in ALIASES.items()}


def code_for(name: str) -> str | None:
    """The code for an English country or territory name or ISO code (any case), or None."""
    name = " ".join(name.split())
    if len(name) == 2 and name.upper() in NAME_BY_CODE:
        return name.upper()
    return _CODE_BY_NAME.get(name.casefold())
