#!/usr/bin/env python3
"""Build data/countries.tsv.

The ISO 3166-1 list (alpha-2, alpha-3) is cross-checked against the PyPI
package `pycountry` when it is installed (`pip install pycountry`), and the
last column, `iso_num` (ISO 3166-1 numeric, written as a plain integer:
`4` for AF, `760` for SY; empty for codes ISO does not assign, such as XK),
is taken from pycountry's `numeric` field. Without pycountry, `iso_num` is
carried over from the existing output file, and the build fails if it cannot
be. Every other column comes from the hand-curated table below, because the names must
be the forms ACLED uses in actor names ("Democratic Republic of Congo",
"Ivory Coast", "Turkey", "Russia") and pycountry's French names are in
catalogue order ("Syrienne, République arabe").

Usage: python3 scripts/data/build_countries.py [OUT]   (default data/countries.tsv)

Table fields, separated by ';' (the output adds `iso_num` as a 13th column):
  iso2;iso3;name_en;name_fr;adj_en;adj_fr_ms;adj_fr_fs;adj_fr_mp;adj_fr_fp;region;names_fr_alt;names_en_alt
Variants inside a field are separated by '|'. An empty adjective means
"no adjective in common use": templates that need it produce no alias.
"""
import os
import sys

TABLE_COLUMNS = ["iso2", "iso3", "name_en", "name_fr", "adj_en", "adj_fr_ms", "adj_fr_fs",
                 "adj_fr_mp", "adj_fr_fp", "region", "names_fr_alt", "names_en_alt"]
HEADER = TABLE_COLUMNS + ["iso_num"]

REGIONS = {"Middle East", "Northern Africa", "Western Africa", "Middle Africa",
           "Eastern Africa", "Southern Africa", "South Asia", "Southeast Asia",
           "East Asia", "Caucasus and Central Asia", "Europe", "North America",
           "Central America", "South America", "Caribbean", "Oceania", "Antarctica"}

TABLE = """
# --- Middle East
SY;SYR;Syria;Syrie;Syrian;syrien;syrienne;syriens;syriennes;Middle East;République arabe syrienne;Syrian Arab Republic
IQ;IRQ;Iraq;Irak;Iraqi;irakien|iraquien;irakienne|iraquienne;irakiens|iraquiens;irakiennes|iraquiennes;Middle East;Iraq;
IR;IRN;Iran;Iran;Iranian;iranien;iranienne;iraniens;iraniennes;Middle East;République islamique d'Iran;Islamic Republic of Iran
TR;TUR;Turkey;Turquie;Turkish;turc;turque;turcs;turques;Middle East;Türkiye;Türkiye|Turkiye
IL;ISR;Israel;Israël;Israeli;israélien;israélienne;israéliens;israéliennes;Middle East;État hébreu|Etat hébreu;
PS;PSE;Palestine;Palestine;Palestinian;palestinien;palestinienne;palestiniens;palestiniennes;Middle East;Territoires palestiniens|État de Palestine|Etat de Palestine;Palestinian Territories|State of Palestine|Occupied Palestinian Territories
LB;LBN;Lebanon;Liban;Lebanese;libanais;libanaise;libanais;libanaises;Middle East;pays du Cèdre;
JO;JOR;Jordan;Jordanie;Jordanian;jordanien;jordanienne;jordaniens;jordaniennes;Middle East;royaume hachémite;
SA;SAU;Saudi Arabia;Arabie saoudite;Saudi|Saudi Arabian;saoudien;saoudienne;saoudiens;saoudiennes;Middle East;royaume saoudien;Kingdom of Saudi Arabia|KSA
YE;YEM;Yemen;Yémen;Yemeni;yéménite;yéménite;yéménites;yéménites;Middle East;;
OM;OMN;Oman;Oman;Omani;omanais;omanaise;omanais;omanaises;Middle East;sultanat d'Oman;Sultanate of Oman
AE;ARE;United Arab Emirates;Émirats arabes unis;Emirati|UAE;émirati|émirien;émiratie|émirienne;émiratis|émiriens;émiraties|émiriennes;Middle East;EAU|Emirats;UAE|Emirates
QA;QAT;Qatar;Qatar;Qatari;qatari|qatarien;qatarie|qatarienne;qataris|qatariens;qataries|qatariennes;Middle East;;
KW;KWT;Kuwait;Koweït;Kuwaiti;koweïtien;koweïtienne;koweïtiens;koweïtiennes;Middle East;;
BH;BHR;Bahrain;Bahreïn;Bahraini;bahreïni|bahreïnien;bahreïnie|bahreïnienne;bahreïnis|bahreïniens;bahreïnies|bahreïniennes;Middle East;Bahrein;
# --- Northern Africa
EG;EGY;Egypt;Égypte;Egyptian;égyptien;égyptienne;égyptiens;égyptiennes;Northern Africa;;
LY;LBY;Libya;Libye;Libyan;libyen;libyenne;libyens;libyennes;Northern Africa;;
TN;TUN;Tunisia;Tunisie;Tunisian;tunisien;tunisienne;tunisiens;tunisiennes;Northern Africa;;
DZ;DZA;Algeria;Algérie;Algerian;algérien;algérienne;algériens;algériennes;Northern Africa;;
MA;MAR;Morocco;Maroc;Moroccan;marocain;marocaine;marocains;marocaines;Northern Africa;royaume chérifien;
SD;SDN;Sudan;Soudan;Sudanese;soudanais;soudanaise;soudanais;soudanaises;Northern Africa;;
EH;ESH;Western Sahara;Sahara occidental;Sahrawi;sahraoui;sahraouie;sahraouis;sahraouies;Northern Africa;;
# --- Western Africa
ML;MLI;Mali;Mali;Malian;malien;malienne;maliens;maliennes;Western Africa;;
BF;BFA;Burkina Faso;Burkina Faso;Burkinabe|Burkinabè;burkinabè|burkinabé|burkinabe;burkinabè|burkinabé|burkinabe;burkinabè|burkinabés|burkinabé|burkinabe;burkinabè|burkinabées|burkinabé|burkinabe;Western Africa;Burkina;Burkina
NE;NER;Niger;Niger;Nigerien;nigérien;nigérienne;nigériens;nigériennes;Western Africa;;
NG;NGA;Nigeria;Nigeria;Nigerian;nigérian;nigériane;nigérians;nigérianes;Western Africa;Nigéria;
MR;MRT;Mauritania;Mauritanie;Mauritanian;mauritanien;mauritanienne;mauritaniens;mauritaniennes;Western Africa;;
SN;SEN;Senegal;Sénégal;Senegalese;sénégalais;sénégalaise;sénégalais;sénégalaises;Western Africa;;
GM;GMB;Gambia;Gambie;Gambian;gambien;gambienne;gambiens;gambiennes;Western Africa;;The Gambia
GW;GNB;Guinea-Bissau;Guinée-Bissau;Bissau-Guinean;bissau-guinéen;bissau-guinéenne;bissau-guinéens;bissau-guinéennes;Western Africa;;
GN;GIN;Guinea;Guinée;Guinean;guinéen;guinéenne;guinéens;guinéennes;Western Africa;Guinée-Conakry;Guinea-Conakry
SL;SLE;Sierra Leone;Sierra Leone;Sierra Leonean;sierra-léonais;sierra-léonaise;sierra-léonais;sierra-léonaises;Western Africa;;
LR;LBR;Liberia;Liberia;Liberian;libérien;libérienne;libériens;libériennes;Western Africa;Libéria;
CI;CIV;Ivory Coast;Côte d'Ivoire;Ivorian;ivoirien;ivoirienne;ivoiriens;ivoiriennes;Western Africa;;Côte d'Ivoire|Cote d'Ivoire
GH;GHA;Ghana;Ghana;Ghanaian;ghanéen;ghanéenne;ghanéens;ghanéennes;Western Africa;;
TG;TGO;Togo;Togo;Togolese;togolais;togolaise;togolais;togolaises;Western Africa;;
BJ;BEN;Benin;Bénin;Beninese;béninois;béninoise;béninois;béninoises;Western Africa;;
CV;CPV;Cape Verde;Cap-Vert;Cape Verdean;cap-verdien;cap-verdienne;cap-verdiens;cap-verdiennes;Western Africa;Cabo Verde;Cabo Verde
SH;SHN;Saint Helena, Ascension and Tristan da Cunha;Sainte-Hélène, Ascension et Tristan da Cunha;;;;;;Western Africa;Sainte-Hélène;Saint Helena
# --- Middle Africa
CM;CMR;Cameroon;Cameroun;Cameroonian;camerounais;camerounaise;camerounais;camerounaises;Middle Africa;;
TD;TCD;Chad;Tchad;Chadian;tchadien;tchadienne;tchadiens;tchadiennes;Middle Africa;;
CF;CAF;Central African Republic;République centrafricaine;Central African;centrafricain;centrafricaine;centrafricains;centrafricaines;Middle Africa;Centrafrique|RCA;CAR
CD;COD;Democratic Republic of Congo;République démocratique du Congo;Congolese;congolais;congolaise;congolais;congolaises;Middle Africa;RDC|RD Congo|Congo-Kinshasa;DRC|DR Congo|Congo-Kinshasa|Democratic Republic of the Congo
CG;COG;Republic of Congo;République du Congo;Congolese;congolais;congolaise;congolais;congolaises;Middle Africa;Congo-Brazzaville|Congo;Congo-Brazzaville|Congo
GA;GAB;Gabon;Gabon;Gabonese;gabonais;gabonaise;gabonais;gabonaises;Middle Africa;;
GQ;GNQ;Equatorial Guinea;Guinée équatoriale;Equatorial Guinean|Equatoguinean;équato-guinéen;équato-guinéenne;équato-guinéens;équato-guinéennes;Middle Africa;;
ST;STP;Sao Tome and Principe;Sao Tomé-et-Principe;Santomean;santoméen;santoméenne;santoméens;santoméennes;Middle Africa;São Tomé-et-Príncipe;São Tomé and Príncipe
AO;AGO;Angola;Angola;Angolan;angolais;angolaise;angolais;angolaises;Middle Africa;;
# --- Eastern Africa
SO;SOM;Somalia;Somalie;Somali;somalien;somalienne;somaliens;somaliennes;Eastern Africa;;
ET;ETH;Ethiopia;Éthiopie;Ethiopian;éthiopien;éthiopienne;éthiopiens;éthiopiennes;Eastern Africa;;
ER;ERI;Eritrea;Érythrée;Eritrean;érythréen;érythréenne;érythréens;érythréennes;Eastern Africa;;
DJ;DJI;Djibouti;Djibouti;Djiboutian;djiboutien;djiboutienne;djiboutiens;djiboutiennes;Eastern Africa;;
KE;KEN;Kenya;Kenya;Kenyan;kényan|kenyan;kényane|kenyane;kényans|kenyans;kényanes|kenyanes;Eastern Africa;;
UG;UGA;Uganda;Ouganda;Ugandan;ougandais;ougandaise;ougandais;ougandaises;Eastern Africa;;
RW;RWA;Rwanda;Rwanda;Rwandan;rwandais;rwandaise;rwandais;rwandaises;Eastern Africa;;
BI;BDI;Burundi;Burundi;Burundian;burundais;burundaise;burundais;burundaises;Eastern Africa;;
TZ;TZA;Tanzania;Tanzanie;Tanzanian;tanzanien;tanzanienne;tanzaniens;tanzaniennes;Eastern Africa;;United Republic of Tanzania
SS;SSD;South Sudan;Soudan du Sud;South Sudanese;sud-soudanais;sud-soudanaise;sud-soudanais;sud-soudanaises;Eastern Africa;Sud-Soudan;
MZ;MOZ;Mozambique;Mozambique;Mozambican;mozambicain;mozambicaine;mozambicains;mozambicaines;Eastern Africa;;
MW;MWI;Malawi;Malawi;Malawian;malawite|malawien;malawite|malawienne;malawites|malawiens;malawites|malawiennes;Eastern Africa;;
ZM;ZMB;Zambia;Zambie;Zambian;zambien;zambienne;zambiens;zambiennes;Eastern Africa;;
ZW;ZWE;Zimbabwe;Zimbabwe;Zimbabwean;zimbabwéen;zimbabwéenne;zimbabwéens;zimbabwéennes;Eastern Africa;;
MG;MDG;Madagascar;Madagascar;Malagasy;malgache;malgache;malgaches;malgaches;Eastern Africa;;
KM;COM;Comoros;Comores;Comorian;comorien;comorienne;comoriens;comoriennes;Eastern Africa;;
MU;MUS;Mauritius;Maurice;Mauritian;mauricien;mauricienne;mauriciens;mauriciennes;Eastern Africa;île Maurice;
SC;SYC;Seychelles;Seychelles;Seychellois;seychellois;seychelloise;seychellois;seychelloises;Eastern Africa;;
RE;REU;Reunion;La Réunion;Reunionese;réunionnais;réunionnaise;réunionnais;réunionnaises;Eastern Africa;Réunion|île de la Réunion;Réunion
YT;MYT;Mayotte;Mayotte;Mahoran;mahorais;mahoraise;mahorais;mahoraises;Eastern Africa;;
IO;IOT;British Indian Ocean Territory;Territoire britannique de l'océan Indien;;;;;;Eastern Africa;archipel des Chagos|Chagos;Chagos Islands
# --- Southern Africa
ZA;ZAF;South Africa;Afrique du Sud;South African;sud-africain;sud-africaine;sud-africains;sud-africaines;Southern Africa;;
NA;NAM;Namibia;Namibie;Namibian;namibien;namibienne;namibiens;namibiennes;Southern Africa;;
BW;BWA;Botswana;Botswana;Botswanan;botswanais;botswanaise;botswanais;botswanaises;Southern Africa;;
LS;LSO;Lesotho;Lesotho;Basotho;lésothien;lésothienne;lésothiens;lésothiennes;Southern Africa;;
SZ;SWZ;eSwatini;Eswatini;Swazi;swazi;swazie;swazis;swazies;Southern Africa;Swaziland;Swaziland|Eswatini
# --- South Asia
AF;AFG;Afghanistan;Afghanistan;Afghan|Afghani;afghan;afghane;afghans;afghanes;South Asia;;
PK;PAK;Pakistan;Pakistan;Pakistani;pakistanais;pakistanaise;pakistanais;pakistanaises;South Asia;;
IN;IND;India;Inde;Indian;indien;indienne;indiens;indiennes;South Asia;;
BD;BGD;Bangladesh;Bangladesh;Bangladeshi;bangladais;bangladaise;bangladais;bangladaises;South Asia;;
LK;LKA;Sri Lanka;Sri Lanka;Sri Lankan;sri-lankais|srilankais;sri-lankaise|srilankaise;sri-lankais|srilankais;sri-lankaises|srilankaises;South Asia;;
NP;NPL;Nepal;Népal;Nepali|Nepalese;népalais;népalaise;népalais;népalaises;South Asia;;
BT;BTN;Bhutan;Bhoutan;Bhutanese;bhoutanais;bhoutanaise;bhoutanais;bhoutanaises;South Asia;;
MV;MDV;Maldives;Maldives;Maldivian;maldivien;maldivienne;maldiviens;maldiviennes;South Asia;;
# --- Southeast Asia
MM;MMR;Myanmar;Birmanie;Burmese|Myanmar;birman;birmane;birmans;birmanes;Southeast Asia;Myanmar;Burma
TH;THA;Thailand;Thaïlande;Thai;thaïlandais;thaïlandaise;thaïlandais;thaïlandaises;Southeast Asia;;
KH;KHM;Cambodia;Cambodge;Cambodian;cambodgien;cambodgienne;cambodgiens;cambodgiennes;Southeast Asia;;
LA;LAO;Laos;Laos;Laotian|Lao;laotien;laotienne;laotiens;laotiennes;Southeast Asia;;Lao PDR
VN;VNM;Vietnam;Viêt Nam;Vietnamese;vietnamien;vietnamienne;vietnamiens;vietnamiennes;Southeast Asia;Vietnam|Viet Nam;Viet Nam
MY;MYS;Malaysia;Malaisie;Malaysian;malaisien|malaysien;malaisienne|malaysienne;malaisiens|malaysiens;malaisiennes|malaysiennes;Southeast Asia;Malaysia;
SG;SGP;Singapore;Singapour;Singaporean;singapourien;singapourienne;singapouriens;singapouriennes;Southeast Asia;;
ID;IDN;Indonesia;Indonésie;Indonesian;indonésien;indonésienne;indonésiens;indonésiennes;Southeast Asia;;
PH;PHL;Philippines;Philippines;Philippine|Filipino;philippin;philippine;philippins;philippines;Southeast Asia;;
BN;BRN;Brunei;Brunei;Bruneian;brunéien;brunéienne;brunéiens;brunéiennes;Southeast Asia;Brunéi;Brunei Darussalam
TL;TLS;East Timor;Timor oriental;Timorese|East Timorese;timorais|est-timorais;timoraise|est-timoraise;timorais|est-timorais;timoraises|est-timoraises;Southeast Asia;Timor-Leste;Timor-Leste
# --- East Asia
CN;CHN;China;Chine;Chinese;chinois;chinoise;chinois;chinoises;East Asia;;
JP;JPN;Japan;Japon;Japanese;japonais;japonaise;japonais;japonaises;East Asia;;
KR;KOR;South Korea;Corée du Sud;South Korean;sud-coréen;sud-coréenne;sud-coréens;sud-coréennes;East Asia;;Republic of Korea
KP;PRK;North Korea;Corée du Nord;North Korean;nord-coréen;nord-coréenne;nord-coréens;nord-coréennes;East Asia;;DPRK
MN;MNG;Mongolia;Mongolie;Mongolian;mongol;mongole;mongols;mongoles;East Asia;;
TW;TWN;Taiwan;Taïwan;Taiwanese;taïwanais;taïwanaise;taïwanais;taïwanaises;East Asia;Taiwan;
HK;HKG;Hong Kong;Hong Kong;Hong Kong;hongkongais;hongkongaise;hongkongais;hongkongaises;East Asia;;
MO;MAC;Macau;Macao;Macanese;macanais;macanaise;macanais;macanaises;East Asia;Macau;Macao
# --- Caucasus and Central Asia
AM;ARM;Armenia;Arménie;Armenian;arménien;arménienne;arméniens;arméniennes;Caucasus and Central Asia;;
AZ;AZE;Azerbaijan;Azerbaïdjan;Azerbaijani|Azeri;azerbaïdjanais|azéri;azerbaïdjanaise|azérie;azerbaïdjanais|azéris;azerbaïdjanaises|azéries;Caucasus and Central Asia;;
GE;GEO;Georgia;Géorgie;Georgian;géorgien;géorgienne;géorgiens;géorgiennes;Caucasus and Central Asia;;
KZ;KAZ;Kazakhstan;Kazakhstan;Kazakh|Kazakhstani;kazakh|kazakhstanais;kazakhe|kazakhstanaise;kazakhs|kazakhstanais;kazakhes|kazakhstanaises;Caucasus and Central Asia;;
KG;KGZ;Kyrgyzstan;Kirghizistan;Kyrgyz;kirghiz|kirghize;kirghize;kirghiz;kirghizes;Caucasus and Central Asia;Kirghizstan;Kyrgyz Republic
TJ;TJK;Tajikistan;Tadjikistan;Tajik;tadjik;tadjike;tadjiks;tadjikes;Caucasus and Central Asia;;
TM;TKM;Turkmenistan;Turkménistan;Turkmen;turkmène;turkmène;turkmènes;turkmènes;Caucasus and Central Asia;;
UZ;UZB;Uzbekistan;Ouzbékistan;Uzbek;ouzbek;ouzbèke;ouzbeks;ouzbèkes;Caucasus and Central Asia;;
# --- Europe
RU;RUS;Russia;Russie;Russian;russe;russe;russes;russes;Europe;Fédération de Russie;Russian Federation
UA;UKR;Ukraine;Ukraine;Ukrainian;ukrainien;ukrainienne;ukrainiens;ukrainiennes;Europe;;
BY;BLR;Belarus;Biélorussie;Belarusian|Belarussian;biélorusse|bélarusse;biélorusse|bélarusse;biélorusses|bélarusses;biélorusses|bélarusses;Europe;Bélarus;Byelorussia
MD;MDA;Moldova;Moldavie;Moldovan;moldave;moldave;moldaves;moldaves;Europe;Moldova;Moldavia
PL;POL;Poland;Pologne;Polish;polonais;polonaise;polonais;polonaises;Europe;;
LT;LTU;Lithuania;Lituanie;Lithuanian;lituanien;lituanienne;lituaniens;lituaniennes;Europe;;
LV;LVA;Latvia;Lettonie;Latvian;letton;lettone|lettonne;lettons;lettones|lettonnes;Europe;;
EE;EST;Estonia;Estonie;Estonian;estonien;estonienne;estoniens;estoniennes;Europe;;
FI;FIN;Finland;Finlande;Finnish;finlandais;finlandaise;finlandais;finlandaises;Europe;;
SE;SWE;Sweden;Suède;Swedish;suédois;suédoise;suédois;suédoises;Europe;;
NO;NOR;Norway;Norvège;Norwegian;norvégien;norvégienne;norvégiens;norvégiennes;Europe;;
DK;DNK;Denmark;Danemark;Danish;danois;danoise;danois;danoises;Europe;;
IS;ISL;Iceland;Islande;Icelandic;islandais;islandaise;islandais;islandaises;Europe;;
GB;GBR;United Kingdom;Royaume-Uni;British|UK;britannique;britannique;britanniques;britanniques;Europe;Grande-Bretagne|Angleterre;UK|Britain|Great Britain
IE;IRL;Ireland;Irlande;Irish;irlandais;irlandaise;irlandais;irlandaises;Europe;;
FR;FRA;France;France;French;français;française;français;françaises;Europe;Hexagone;
BE;BEL;Belgium;Belgique;Belgian;belge;belge;belges;belges;Europe;;
NL;NLD;Netherlands;Pays-Bas;Dutch;néerlandais;néerlandaise;néerlandais;néerlandaises;Europe;Hollande;Holland
LU;LUX;Luxembourg;Luxembourg;Luxembourgish;luxembourgeois;luxembourgeoise;luxembourgeois;luxembourgeoises;Europe;;
DE;DEU;Germany;Allemagne;German;allemand;allemande;allemands;allemandes;Europe;;
CH;CHE;Switzerland;Suisse;Swiss;suisse;suisse;suisses;suisses;Europe;Confédération helvétique;
AT;AUT;Austria;Autriche;Austrian;autrichien;autrichienne;autrichiens;autrichiennes;Europe;;
IT;ITA;Italy;Italie;Italian;italien;italienne;italiens;italiennes;Europe;;
ES;ESP;Spain;Espagne;Spanish;espagnol;espagnole;espagnols;espagnoles;Europe;;
PT;PRT;Portugal;Portugal;Portuguese;portugais;portugaise;portugais;portugaises;Europe;;
GR;GRC;Greece;Grèce;Greek;grec;grecque;grecs;grecques;Europe;;
MT;MLT;Malta;Malte;Maltese;maltais;maltaise;maltais;maltaises;Europe;;
CY;CYP;Cyprus;Chypre;Cypriot;chypriote;chypriote;chypriotes;chypriotes;Europe;;
CZ;CZE;Czech Republic;République tchèque;Czech;tchèque;tchèque;tchèques;tchèques;Europe;Tchéquie;Czechia
SK;SVK;Slovakia;Slovaquie;Slovak;slovaque;slovaque;slovaques;slovaques;Europe;;
HU;HUN;Hungary;Hongrie;Hungarian;hongrois;hongroise;hongrois;hongroises;Europe;;
RO;ROU;Romania;Roumanie;Romanian;roumain;roumaine;roumains;roumaines;Europe;;
BG;BGR;Bulgaria;Bulgarie;Bulgarian;bulgare;bulgare;bulgares;bulgares;Europe;;
RS;SRB;Serbia;Serbie;Serbian;serbe;serbe;serbes;serbes;Europe;;
HR;HRV;Croatia;Croatie;Croatian;croate;croate;croates;croates;Europe;;
SI;SVN;Slovenia;Slovénie;Slovenian|Slovene;slovène;slovène;slovènes;slovènes;Europe;;
BA;BIH;Bosnia and Herzegovina;Bosnie-Herzégovine;Bosnian;bosnien;bosnienne;bosniens;bosniennes;Europe;Bosnie;Bosnia
ME;MNE;Montenegro;Monténégro;Montenegrin;monténégrin;monténégrine;monténégrins;monténégrines;Europe;;
MK;MKD;North Macedonia;Macédoine du Nord;Macedonian;macédonien;macédonienne;macédoniens;macédoniennes;Europe;Macédoine;Macedonia
AL;ALB;Albania;Albanie;Albanian;albanais;albanaise;albanais;albanaises;Europe;;
XK;XKX;Kosovo;Kosovo;Kosovar;kosovar;kosovare;kosovars;kosovares;Europe;;
AD;AND;Andorra;Andorre;Andorran;andorran;andorrane;andorrans;andorranes;Europe;;
MC;MCO;Monaco;Monaco;Monegasque;monégasque;monégasque;monégasques;monégasques;Europe;;
SM;SMR;San Marino;Saint-Marin;Sammarinese;saint-marinais;saint-marinaise;saint-marinais;saint-marinaises;Europe;;
VA;VAT;Vatican City;Vatican;;;;;;Europe;Saint-Siège|Cité du Vatican;Holy See
LI;LIE;Liechtenstein;Liechtenstein;Liechtensteiner;liechtensteinois;liechtensteinoise;liechtensteinois;liechtensteinoises;Europe;;
GI;GIB;Gibraltar;Gibraltar;Gibraltarian;gibraltarien;gibraltarienne;gibraltariens;gibraltariennes;Europe;;
GG;GGY;Guernsey;Guernesey;;;;;;Europe;;
JE;JEY;Jersey;Jersey;;;;;;Europe;;
IM;IMN;Isle of Man;Île de Man;Manx;mannois;mannoise;mannois;mannoises;Europe;;
FO;FRO;Faroe Islands;Îles Féroé;Faroese;féroïen;féroïenne;féroïens;féroïennes;Europe;Féroé;Faroes
AX;ALA;Aland Islands;Åland;;;;;;Europe;îles Åland;Åland Islands
SJ;SJM;Svalbard and Jan Mayen;Svalbard et Jan Mayen;;;;;;Europe;Svalbard;Svalbard
# --- North America
US;USA;United States;États-Unis;American|US|U.S.;américain|états-unien;américaine|états-unienne;américains|états-uniens;américaines|états-uniennes;North America;Etats-Unis|États-Unis|USA|Amérique;US|USA|U.S.|America|United States of America
CA;CAN;Canada;Canada;Canadian;canadien;canadienne;canadiens;canadiennes;North America;;
GL;GRL;Greenland;Groenland;Greenlandic;groenlandais;groenlandaise;groenlandais;groenlandaises;North America;Groënland;
BM;BMU;Bermuda;Bermudes;Bermudian;bermudien;bermudienne;bermudiens;bermudiennes;North America;;
PM;SPM;Saint Pierre and Miquelon;Saint-Pierre-et-Miquelon;;saint-pierrais;saint-pierraise;saint-pierrais;saint-pierraises;North America;;
# --- Central America
MX;MEX;Mexico;Mexique;Mexican;mexicain;mexicaine;mexicains;mexicaines;Central America;;
GT;GTM;Guatemala;Guatemala;Guatemalan;guatémaltèque;guatémaltèque;guatémaltèques;guatémaltèques;Central America;;
BZ;BLZ;Belize;Belize;Belizean;bélizien;bélizienne;béliziens;béliziennes;Central America;;
SV;SLV;El Salvador;Salvador;Salvadoran;salvadorien;salvadorienne;salvadoriens;salvadoriennes;Central America;El Salvador;
HN;HND;Honduras;Honduras;Honduran;hondurien;hondurienne;honduriens;honduriennes;Central America;;
NI;NIC;Nicaragua;Nicaragua;Nicaraguan;nicaraguayen;nicaraguayenne;nicaraguayens;nicaraguayennes;Central America;;
CR;CRI;Costa Rica;Costa Rica;Costa Rican;costaricien|costaricain;costaricienne|costaricaine;costariciens|costaricains;costariciennes|costaricaines;Central America;;
PA;PAN;Panama;Panama;Panamanian;panaméen;panaméenne;panaméens;panaméennes;Central America;;
# --- Caribbean
CU;CUB;Cuba;Cuba;Cuban;cubain;cubaine;cubains;cubaines;Caribbean;;
HT;HTI;Haiti;Haïti;Haitian;haïtien;haïtienne;haïtiens;haïtiennes;Caribbean;;
DO;DOM;Dominican Republic;République dominicaine;Dominican;dominicain;dominicaine;dominicains;dominicaines;Caribbean;;
JM;JAM;Jamaica;Jamaïque;Jamaican;jamaïcain;jamaïcaine;jamaïcains;jamaïcaines;Caribbean;;
PR;PRI;Puerto Rico;Porto Rico;Puerto Rican;portoricain;portoricaine;portoricains;portoricaines;Caribbean;;
TT;TTO;Trinidad and Tobago;Trinité-et-Tobago;Trinidadian;trinidadien;trinidadienne;trinidadiens;trinidadiennes;Caribbean;;
BS;BHS;Bahamas;Bahamas;Bahamian;bahaméen;bahaméenne;bahaméens;bahaméennes;Caribbean;;The Bahamas
BB;BRB;Barbados;Barbade;Barbadian;barbadien;barbadienne;barbadiens;barbadiennes;Caribbean;;
DM;DMA;Dominica;Dominique;;dominiquais;dominiquaise;dominiquais;dominiquaises;Caribbean;;
GD;GRD;Grenada;Grenade;Grenadian;grenadien;grenadienne;grenadiens;grenadiennes;Caribbean;;
LC;LCA;Saint Lucia;Sainte-Lucie;Saint Lucian;saint-lucien;saint-lucienne;saint-luciens;saint-luciennes;Caribbean;;
VC;VCT;Saint Vincent and the Grenadines;Saint-Vincent-et-les-Grenadines;Vincentian;saint-vincentais;saint-vincentaise;saint-vincentais;saint-vincentaises;Caribbean;;
AG;ATG;Antigua and Barbuda;Antigua-et-Barbuda;Antiguan;antiguais;antiguaise;antiguais;antiguaises;Caribbean;;
KN;KNA;Saint Kitts and Nevis;Saint-Christophe-et-Niévès;Kittitian;kittitien;kittitienne;kittitiens;kittitiennes;Caribbean;Saint-Kitts-et-Nevis;
AW;ABW;Aruba;Aruba;Aruban;arubais;arubaise;arubais;arubaises;Caribbean;;
CW;CUW;Curacao;Curaçao;Curacaoan;curacien;curacienne;curaciens;curaciennes;Caribbean;;Curaçao
SX;SXM;Sint Maarten;Saint-Martin (partie néerlandaise);;;;;;Caribbean;Sint Maarten;
MF;MAF;Saint-Martin;Saint-Martin;;saint-martinois;saint-martinoise;saint-martinois;saint-martinoises;Caribbean;;Saint Martin
BL;BLM;Saint-Barthelemy;Saint-Barthélemy;;saint-barth;saint-barth;saint-barths;saint-barths;Caribbean;Saint-Barth;Saint Barthélemy|St Barts
GP;GLP;Guadeloupe;Guadeloupe;Guadeloupean;guadeloupéen;guadeloupéenne;guadeloupéens;guadeloupéennes;Caribbean;;
MQ;MTQ;Martinique;Martinique;Martinican;martiniquais;martiniquaise;martiniquais;martiniquaises;Caribbean;;
KY;CYM;Cayman Islands;Îles Caïmans;Caymanian;caïmanais;caïmanaise;caïmanais;caïmanaises;Caribbean;;
TC;TCA;Turks and Caicos Islands;Îles Turques-et-Caïques;;;;;;Caribbean;;
VG;VGB;British Virgin Islands;Îles Vierges britanniques;;;;;;Caribbean;;
VI;VIR;United States Virgin Islands;Îles Vierges des États-Unis;;;;;;Caribbean;;US Virgin Islands
AI;AIA;Anguilla;Anguilla;Anguillan;anguillais;anguillaise;anguillais;anguillaises;Caribbean;;
MS;MSR;Montserrat;Montserrat;Montserratian;montserratien;montserratienne;montserratiens;montserratiennes;Caribbean;;
BQ;BES;Caribbean Netherlands;Pays-Bas caribéens;;;;;;Caribbean;Bonaire, Saint-Eustache et Saba|Bonaire;Bonaire, Sint Eustatius and Saba|Bonaire
# --- South America
BR;BRA;Brazil;Brésil;Brazilian;brésilien;brésilienne;brésiliens;brésiliennes;South America;;
AR;ARG;Argentina;Argentine;Argentine|Argentinian;argentin;argentine;argentins;argentines;South America;;
CL;CHL;Chile;Chili;Chilean;chilien;chilienne;chiliens;chiliennes;South America;;
CO;COL;Colombia;Colombie;Colombian;colombien;colombienne;colombiens;colombiennes;South America;;
VE;VEN;Venezuela;Venezuela;Venezuelan;vénézuélien;vénézuélienne;vénézuéliens;vénézuéliennes;South America;Vénézuéla;
PE;PER;Peru;Pérou;Peruvian;péruvien;péruvienne;péruviens;péruviennes;South America;;
EC;ECU;Ecuador;Équateur;Ecuadorian;équatorien;équatorienne;équatoriens;équatoriennes;South America;;
BO;BOL;Bolivia;Bolivie;Bolivian;bolivien;bolivienne;boliviens;boliviennes;South America;;
PY;PRY;Paraguay;Paraguay;Paraguayan;paraguayen;paraguayenne;paraguayens;paraguayennes;South America;;
UY;URY;Uruguay;Uruguay;Uruguayan;uruguayen;uruguayenne;uruguayens;uruguayennes;South America;;
GY;GUY;Guyana;Guyana;Guyanese;guyanien;guyanienne;guyaniens;guyaniennes;South America;;
SR;SUR;Suriname;Suriname;Surinamese;surinamais;surinamaise;surinamais;surinamaises;South America;Surinam;
GF;GUF;French Guiana;Guyane;French Guianese;guyanais;guyanaise;guyanais;guyanaises;South America;Guyane française;
FK;FLK;Falkland Islands;Îles Malouines;;;;;;South America;Malouines|îles Falkland;Malvinas
# --- Oceania
AU;AUS;Australia;Australie;Australian;australien;australienne;australiens;australiennes;Oceania;;
NZ;NZL;New Zealand;Nouvelle-Zélande;New Zealand;néo-zélandais;néo-zélandaise;néo-zélandais;néo-zélandaises;Oceania;;
PG;PNG;Papua New Guinea;Papouasie-Nouvelle-Guinée;Papua New Guinean;papouan-néo-guinéen;papouane-néo-guinéenne;papouans-néo-guinéens;papouanes-néo-guinéennes;Oceania;;PNG
FJ;FJI;Fiji;Fidji;Fijian;fidjien;fidjienne;fidjiens;fidjiennes;Oceania;;
SB;SLB;Solomon Islands;Îles Salomon;Solomon Islands;salomonais;salomonaise;salomonais;salomonaises;Oceania;Salomon;
VU;VUT;Vanuatu;Vanuatu;Ni-Vanuatu;vanuatais;vanuataise;vanuatais;vanuataises;Oceania;;
NC;NCL;New Caledonia;Nouvelle-Calédonie;New Caledonian;néo-calédonien;néo-calédonienne;néo-calédoniens;néo-calédoniennes;Oceania;;
PF;PYF;French Polynesia;Polynésie française;French Polynesian;polynésien;polynésienne;polynésiens;polynésiennes;Oceania;;
WS;WSM;Samoa;Samoa;Samoan;samoan;samoane;samoans;samoanes;Oceania;;
TO;TON;Tonga;Tonga;Tongan;tongien;tongienne;tongiens;tongiennes;Oceania;;
KI;KIR;Kiribati;Kiribati;I-Kiribati;kiribatien;kiribatienne;kiribatiens;kiribatiennes;Oceania;;
TV;TUV;Tuvalu;Tuvalu;Tuvaluan;tuvaluan;tuvaluane;tuvaluans;tuvaluanes;Oceania;;
NR;NRU;Nauru;Nauru;Nauruan;nauruan;nauruane;nauruans;nauruanes;Oceania;;
MH;MHL;Marshall Islands;Îles Marshall;Marshallese;marshallais;marshallaise;marshallais;marshallaises;Oceania;;
FM;FSM;Micronesia;Micronésie;Micronesian;micronésien;micronésienne;micronésiens;micronésiennes;Oceania;États fédérés de Micronésie;Federated States of Micronesia
PW;PLW;Palau;Palaos;Palauan;palaosien;palaosienne;palaosiens;palaosiennes;Oceania;Palau;
GU;GUM;Guam;Guam;Guamanian;guamien;guamienne;guamiens;guamiennes;Oceania;;
MP;MNP;Northern Mariana Islands;Îles Mariannes du Nord;;;;;;Oceania;;
AS;ASM;American Samoa;Samoa américaines;;;;;;Oceania;;
CK;COK;Cook Islands;Îles Cook;;;;;;Oceania;;
NU;NIU;Niue;Niue;Niuean;niuéen;niuéenne;niuéens;niuéennes;Oceania;Nioué;
TK;TKL;Tokelau;Tokelau;;;;;;Oceania;;
PN;PCN;Pitcairn Islands;Îles Pitcairn;;;;;;Oceania;;Pitcairn
NF;NFK;Norfolk Island;Île Norfolk;;;;;;Oceania;;
CC;CCK;Cocos (Keeling) Islands;Îles Cocos;;;;;;Oceania;;Cocos Islands
CX;CXR;Christmas Island;Île Christmas;;;;;;Oceania;;
WF;WLF;Wallis and Futuna;Wallis-et-Futuna;;wallisien;wallisienne;wallisiens;wallisiennes;Oceania;;
UM;UMI;United States Minor Outlying Islands;Îles mineures éloignées des États-Unis;;;;;;Oceania;;
# --- Antarctica
AQ;ATA;Antarctica;Antarctique;;;;;;Antarctica;;
BV;BVT;Bouvet Island;Île Bouvet;;;;;;Antarctica;;
HM;HMD;Heard Island and McDonald Islands;Îles Heard-et-MacDonald;;;;;;Antarctica;;
GS;SGS;South Georgia and the South Sandwich Islands;Géorgie du Sud-et-les îles Sandwich du Sud;;;;;;Antarctica;;
TF;ATF;French Southern and Antarctic Lands;Terres australes et antarctiques françaises;;;;;;Antarctica;TAAF;French Southern Territories
"""


def rows():
    out = []
    for line in TABLE.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        f = line.split(";")
        if len(f) != len(TABLE_COLUMNS):
            raise SystemExit(f"bad field count {len(f)}: {line}")
        f = [x.strip() for x in f]
        if f[9] not in REGIONS:
            raise SystemExit(f"bad region: {line}")
        out.append(f)
    return out


def crosscheck(data):
    try:
        import pycountry  # type: ignore
    except ImportError:
        print("pycountry not installed: ISO cross-check skipped", file=sys.stderr)
        return
    ours = {r[0]: r[1] for r in data}
    for c in pycountry.countries:
        if c.alpha_2 not in ours:
            raise SystemExit(f"missing ISO country {c.alpha_2} {c.name}")
        if ours[c.alpha_2] != c.alpha_3:
            raise SystemExit(f"alpha-3 mismatch for {c.alpha_2}: {ours[c.alpha_2]} vs {c.alpha_3}")
    extra = set(ours) - {c.alpha_2 for c in pycountry.countries}
    print(f"pycountry cross-check ok; extra non-ISO codes kept: {sorted(extra)}", file=sys.stderr)


def iso_numeric_from_pycountry(data):
    """{iso2: "760"} from pycountry, or None when pycountry is not installed.
    Codes pycountry does not know (XK) map to ""."""
    try:
        import pycountry  # type: ignore
    except ImportError:
        return None
    out = {}
    for r in data:
        c = pycountry.countries.get(alpha_2=r[0])
        num = getattr(c, "numeric", "") if c is not None else ""
        out[r[0]] = str(int(num)) if num else ""
    return out


def iso_numeric_from_file(path):
    """{iso2: "760"} from the `iso_num` column of an existing countries.tsv,
    or None when the file is missing or has no such column."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = [l.rstrip("\n") for l in fh if l.strip() and not l.startswith("#")]
    except FileNotFoundError:
        return None
    if not lines:
        return None
    header = lines[0].split("\t")
    if "iso_num" not in header:
        return None
    col = header.index("iso_num")
    out = {}
    for l in lines[1:]:
        f = l.split("\t")
        out[f[0]] = f[col].strip() if col < len(f) else ""
    return out


def iso_numeric(data, out_path):
    nums = iso_numeric_from_pycountry(data)
    if nums is None:
        nums = iso_numeric_from_file(out_path)
        if nums is None:
            raise SystemExit("pycountry not installed and no iso_num column in "
                             f"{out_path}: pip install pycountry")
        print(f"pycountry not installed: iso_num kept from {out_path}", file=sys.stderr)
    for iso2, n in nums.items():
        if n and not (n.isdigit() and 0 < int(n) < 1000):
            raise SystemExit(f"bad iso_num for {iso2}: {n!r}")
    missing = sorted(r[0] for r in data if not nums.get(r[0]))
    if missing:
        print(f"no ISO numeric code (iso_num left empty): {missing}", file=sys.stderr)
    return nums


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data", "countries.tsv")
    data = rows()
    seen = set()
    for r in data:
        if r[0] in seen:
            raise SystemExit(f"duplicate {r[0]}")
        seen.add(r[0])
    crosscheck(data)
    nums = iso_numeric(data, out)
    data = [r + [nums.get(r[0], "")] for r in data]
    data.sort(key=lambda r: r[0])
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# vigie-countries 1\n")
        fh.write("\t".join(HEADER) + "\n")
        for r in data:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(data)} countries to {os.path.normpath(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
