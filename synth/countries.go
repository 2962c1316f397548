package synth

// countries are ISO 3166 alpha-3 codes with short English names, roughly ordered
// by how often they appear in news about cyber and diplomatic disputes (the
// generator's popularity ranks follow this order).
var countries = [][2]string{
	{"USA", "United States"}, {"CHN", "China"}, {"RUS", "Russia"}, {"GBR", "United Kingdom"}, {"IRN", "Iran"},
	{"PRK", "North Korea"}, {"UKR", "Ukraine"}, {"DEU", "Germany"}, {"FRA", "France"}, {"ISR", "Israel"},
	{"JPN", "Japan"}, {"KOR", "South Korea"}, {"IND", "India"}, {"AUS", "Australia"}, {"CAN", "Canada"},
	{"TWN", "Taiwan"}, {"PAK", "Pakistan"}, {"TUR", "Turkey"}, {"SAU", "Saudi Arabia"}, {"NLD", "Netherlands"},
	{"POL", "Poland"}, {"VNM", "Vietnam"}, {"PHL", "Philippines"}, {"EST", "Estonia"}, {"BLR", "Belarus"},
	{"SYR", "Syria"}, {"ARE", "United Arab Emirates"}, {"QAT", "Qatar"}, {"EGY", "Egypt"}, {"ITA", "Italy"},
	{"ESP", "Spain"}, {"SWE", "Sweden"}, {"NOR", "Norway"}, {"FIN", "Finland"}, {"DNK", "Denmark"},
	{"BEL", "Belgium"}, {"CHE", "Switzerland"}, {"AUT", "Austria"}, {"CZE", "Czechia"}, {"LTU", "Lithuania"},
	{"LVA", "Latvia"}, {"GEO", "Georgia"}, {"ARM", "Armenia"}, {"AZE", "Azerbaijan"}, {"KAZ", "Kazakhstan"},
	{"UZB", "Uzbekistan"}, {"AFG", "Afghanistan"}, {"IRQ", "Iraq"}, {"JOR", "Jordan"}, {"LBN", "Lebanon"},
	{"YEM", "Yemen"}, {"OMN", "Oman"}, {"KWT", "Kuwait"}, {"BHR", "Bahrain"}, {"ISL", "Iceland"},
	{"IRL", "Ireland"}, {"PRT", "Portugal"}, {"GRC", "Greece"}, {"CYP", "Cyprus"}, {"MLT", "Malta"},
	{"HUN", "Hungary"}, {"ROU", "Romania"}, {"BGR", "Bulgaria"}, {"SRB", "Serbia"}, {"HRV", "Croatia"},
	{"SVN", "Slovenia"}, {"SVK", "Slovakia"}, {"BIH", "Bosnia and Herzegovina"}, {"MNE", "Montenegro"}, {"ALB", "Albania"},
	{"MKD", "North Macedonia"}, {"MDA", "Moldova"}, {"MNG", "Mongolia"}, {"IDN", "Indonesia"}, {"MYS", "Malaysia"},
	{"SGP", "Singapore"}, {"THA", "Thailand"}, {"MMR", "Myanmar"}, {"KHM", "Cambodia"}, {"LAO", "Laos"},
	{"BGD", "Bangladesh"}, {"LKA", "Sri Lanka"}, {"NPL", "Nepal"}, {"NZL", "New Zealand"}, {"BRA", "Brazil"},
	{"MEX", "Mexico"}, {"ARG", "Argentina"}, {"CHL", "Chile"}, {"COL", "Colombia"}, {"PER", "Peru"},
	{"VEN", "Venezuela"}, {"CUB", "Cuba"}, {"ECU", "Ecuador"}, {"BOL", "Bolivia"}, {"URY", "Uruguay"},
	{"PRY", "Paraguay"}, {"NIC", "Nicaragua"}, {"PAN", "Panama"}, {"CRI", "Costa Rica"}, {"GTM", "Guatemala"},
	{"HND", "Honduras"}, {"SLV", "El Salvador"}, {"DOM", "Dominican Republic"}, {"JAM", "Jamaica"}, {"HTI", "Haiti"},
	{"ZAF", "South Africa"}, {"NGA", "Nigeria"}, {"KEN", "Kenya"}, {"ETH", "Ethiopia"}, {"DZA", "Algeria"},
	{"MAR", "Morocco"}, {"TUN", "Tunisia"}, {"LBY", "Libya"}, {"SDN", "Sudan"}, {"SSD", "South Sudan"},
	{"GHA", "Ghana"}, {"CIV", "Cote d'Ivoire"}, {"SEN", "Senegal"}, {"MLI", "Mali"}, {"NER", "Niger"},
	{"BFA", "Burkina Faso"}, {"TCD", "Chad"}, {"CMR", "Cameroon"}, {"COD", "DR Congo"}, {"COG", "Congo"},
	{"AGO", "Angola"}, {"ZMB", "Zambia"}, {"ZWE", "Zimbabwe"}, {"MOZ", "Mozambique"}, {"TZA", "Tanzania"},
	{"UGA", "Uganda"}, {"RWA", "Rwanda"}, {"SOM", "Somalia"}, {"ERI", "Eritrea"}, {"DJI", "Djibouti"},
	{"MDG", "Madagascar"}, {"NAM", "Namibia"}, {"BWA", "Botswana"}, {"GAB", "Gabon"}, {"GIN", "Guinea"},
	{"TKM", "Turkmenistan"}, {"TJK", "Tajikistan"}, {"KGZ", "Kyrgyzstan"}, {"BRN", "Brunei"}, {"LUX", "Luxembourg"},
	{"SUR", "Suriname"}, {"GUY", "Guyana"}, {"FJI", "Fiji"}, {"PNG", "Papua New Guinea"}, {"BTN", "Bhutan"},
}

// organizations are international organizations (ids org:<slug>).
var organizations = [][2]string{
	{"nato", "NATO"}, {"eu", "European Union"}, {"un", "United Nations"}, {"asean", "ASEAN"},
	{"au", "African Union"}, {"osce", "OSCE"}, {"g7", "G7"}, {"sco", "Shanghai Cooperation Organisation"},
}

// outlets are fictional news publishers.
var outlets = []string{
	"Global Wire", "Daily Ledger", "The Meridian", "Capital Post", "World Dispatch", "Evening Standard Times",
	"Harbor Herald", "Northern Courier", "Pacific Report", "Atlantic Review", "Continental News", "Signal Daily",
	"The Observer Network", "Metro Bulletin", "Frontline Press", "Gazette International", "Echo News Agency",
	"The Chronicle Group", "Summit Times", "Crossroads Media", "Beacon Journal", "Horizon Wire", "Civic Tribune",
	"Lantern News", "Compass Daily", "Keystone Post", "Delta Broadcast", "Orbit News", "Granite Herald", "Vista Press",
}

// Syllables for people's and groups' names.
var (
	givenSyllables  = []string{"an", "bo", "chen", "da", "el", "fa", "gio", "ha", "iv", "jo", "ka", "li", "mar", "na", "ol", "pe", "ra", "sa", "ta", "vi", "wen", "ya", "zo"}
	familySyllables = []string{"ber", "cas", "dov", "fen", "gar", "hol", "kov", "lan", "mor", "nes", "ov", "pet", "ros", "sen", "tor", "vak", "wick", "zhu"}
	groupWords      = []string{"Panda", "Bear", "Kitten", "Chollima", "Typhoon", "Blizzard", "Sandstorm", "Tempest", "Hydra", "Spider", "Viper", "Falcon", "Lynx", "Jackal", "Wolf"}
	groupColors     = []string{"Fancy", "Cozy", "Charming", "Wicked", "Silent", "Crimson", "Golden", "Shadow", "Iron", "Velvet", "Emerald", "Midnight"}
	incidentNouns   = []string{"data breach", "ransomware attack", "espionage campaign", "supply chain compromise", "grid intrusion", "election interference", "phishing campaign", "wiper attack", "satellite jamming", "port intrusion"}
	incidentTargets = []string{"personnel office", "health service", "central bank", "power utility", "telecom carrier", "defense contractor", "parliament", "election commission", "pipeline operator", "shipping line", "airline", "university network"}
)
