#!/usr/bin/env python3
"""Writes gold/*.json for the heldout3 articles (kept for review; the JSON files are the gold)."""
import json, os
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def ev(date, prec, etype, sub, a1, i1, a2, i2, cc, adm, loc, lat, lon, gp, fat, claimed, evidence, notes, key,
       as1=(), as2=(), terr=None):
    return dict(event_date=date, date_precision=prec, event_type=etype, sub_event_type=sub,
                actor1=a1, assoc_actor1=list(as1), actor2=a2, assoc_actor2=list(as2), inter1=i1, inter2=i2,
                country=cc, admin1=adm, location=loc, latitude=lat, longitude=lon, geo_precision=gp,
                fatalities=fat, claimed_by=list(claimed), territory_km2=terr, evidence=evidence, notes=notes,
                event_key=key)

B, ERV, VAC, PR, RI, SD = ("Battles", "Explosions/Remote violence", "Violence against civilians",
                           "Protests", "Riots", "Strategic developments")
UAG = "Unidentified Armed Group (%s)"
G = {}

# ---------------------------------------------------------------- English texts
G["h3-en-01-zamfara-villages"] = ("en", "2024-11-14", "AP", [
    ev("2024-11-12", "day", VAC, "Attack", UAG % "Nigeria", 3, "Civilians (Nigeria)", 7,
       "NG", "Zamfara State", "Kwatarkwashi", 12.1408, 6.822, 1, 9, ["local government official"],
       "In Kwatarkwashi, a market town on the road between Gusau and Tsafe, nine people were shot dead.",
       "Bandits on motorcycles raided Kwatarkwashi late on Tuesday and shot dead nine people (bandits coded as an unidentified armed group, ACLED's practice in Nigeria).",
       "2024-11-12_kwatarkwashi_bandit-raid"),
    ev("2024-11-12", "day", VAC, "Attack", UAG % "Nigeria", 3, "Civilians (Nigeria)", 7,
       "NG", "Zamfara State", "Yankuzo", 11.958, 7.058, 1, 8, ["local government official"],
       "In Yankuzo, about 15 kilometers (9 miles) east of Tsafe, eight people were killed, among them the village head.",
       "The same bandits killed eight people including the village head in Yankuzo (not in the gazetteer: coordinates 15 km east of Tsafe, as the text says).",
       "2024-11-12_yankuzo_bandit-raid"),
    ev("2024-11-12", "day", VAC, "Attack", UAG % "Nigeria", 3, "Civilians (Nigeria)", 7,
       "NG", "Zamfara State", "Chediya", 11.97, 7.05, 1, 6, ["local government official"],
       "In Chediya, a hamlet a short walk from Yankuzo, six more died as the gunmen set fire to granaries and drove away cattle.",
       "Bandits killed six people in Chediya, burned granaries and stole cattle (coordinates approximate, next to Yankuzo).",
       "2024-11-12_chediya_bandit-raid"),
    ev("2024-11-13", "day", VAC, "Abduction/forced disappearance", UAG % "Nigeria", 3, "Civilians (Nigeria)", 7,
       "NG", "Zamfara State", "Kakin Dawa", 11.30, 6.50, 2, 0, ["residents"],
       "a different group of gunmen surrounded a mosque in Kakin Dawa, a village near Dan Sadau in Maru local government area, and marched away at least 40 worshippers",
       "Gunmen abducted at least 40 worshippers from a mosque at dawn prayers in Kakin Dawa near Dan Sadau; nobody was hurt (village not in the gazetteer: coordinates of Dan Sadau).",
       "2024-11-13_kakin-dawa_mosque-abduction"),
])

G["h3-en-02-kordofan-bara"] = ("en", "2025-06-10", "Reuters", [
    ev("2025-06-08", "day", B, "Government regains territory", "Military Forces of Sudan", 1, "Rapid Support Forces", 2,
       "SD", "North Kordofan", "Bara", 13.7, 30.3667, 1, 11, ["Sudanese army", "RSF"],
       "troops backed by fighters of the allied Joint Forces entered Bara on Sunday",
       "The army and the Joint Forces retook Bara from the RSF after two days of fighting; the army claimed 70+ RSF dead, the RSF admitted 11 (the lower figure is coded). The headline's 'Battle of Bara' is the same event.",
       "2025-06-08_bara_army-retakes", as1=["Joint Force of Armed Struggle Movements"]),
    ev("2025-06-09", "day", ERV, "Air/drone strike", "Rapid Support Forces", 2, "Civilians (Sudan)", 7,
       "SD", "North Kordofan", "El Obeid", 13.1842, 30.2167, 1, 9, ["medical source", "Emergency Response Room"],
       "a drone struck a crowded livestock market on the eastern edge of El Obeid, killing at least nine people",
       "A drone, blamed on the RSF by the local Emergency Response Room, hit a livestock market in El Obeid, killing at least nine (the ERR said 14).",
       "2025-06-09_el-obeid_drone-market"),
    ev("2025-06-07", "day", VAC, "Attack", "Rapid Support Forces", 2, "Civilians (Sudan)", 7,
       "SD", "West Kordofan State", "Hilla Hamid", 12.70, 28.71, 1, 16, ["residents"],
       "at least 16 civilians were killed by RSF fighters who stormed the village of Hilla Hamid, about 30 km east of En Nahud in West Kordofan, on Saturday",
       "RSF fighters stormed Hilla Hamid, killing at least 16 civilians, looting shops and burning homes (coordinates 30 km east of En Nahud; En Nahud is only where a witness fled).",
       "2025-06-07_hilla-hamid_rsf-attack"),
])

G["h3-en-03-ituri-sitrep"] = ("en", "2025-01-21", "Kivu-Ituri Humanitarian Forum", [
    ev("2025-01-15", "day", VAC, "Attack", "ADF: Allied Democratic Forces", 2,
       "Civilians (Democratic Republic of Congo)", 7, "CD", "Nord Kivu", "Masosi", 0.676, 29.31, 1, 18,
       ["territorial administration", "civil society"],
       "suspected fighters of the Allied Democratic Forces (ADF) attacked the village of Masosi, about 8 km north of Mangina, killing at least 18 civilians",
       "Suspected ADF fighters killed at least 18 civilians in Masosi, abducted about 15 and burned a health post and houses (coordinates 8 km north of Mangina, as stated).",
       "2025-01-15_masosi_adf-attack"),
    ev("2025-01-16", "day", VAC, "Attack", "CODECO: Cooperative for Development of Congo", 3,
       "Civilians (Democratic Republic of Congo)", 7, "CD", "Ituri", "Djaiba", 1.82, 30.41, 2, 9,
       ["site committee", "hospital source in Bunia"],
       "On the night of 16 January, CODECO militiamen attacked a displacement site near Djaiba",
       "CODECO militiamen attacked a displacement site near Djaiba, killing at least nine displaced people (a Bunia hospital later said 12); coordinates 15 km south-west of Djugu, approximate.",
       "2025-01-16_djaiba_codeco-site-attack"),
    ev("2025-01-18", "day", B, "Armed clash", "Military Forces of the Democratic Republic of Congo", 1,
       "ADF: Allied Democratic Forces", 2, "CD", "Ituri", "Komanda", 1.37, 29.77, 2, 6, ["FARDC spokesperson in Ituri"],
       "joint operations by the Armed Forces of the Democratic Republic of the Congo (FARDC) and the Uganda People's Defence Force (UPDF) against ADF positions along the Komanda - Luna road led to heavy fighting",
       "FARDC and UPDF troops fought the ADF along the Komanda-Luna road; the army said six ADF fighters were killed (Komanda is not in the gazetteer: approximate coordinates).",
       "2025-01-18_komanda-luna_fardc-updf-adf", as1=["Military Forces of Uganda"]),
])

G["h3-en-04-turbat-ied"] = ("en", "2024-10-16", "Frontier Ledger", [
    ev("2024-10-15", "day", ERV, "Remote explosive/landmine/IED", "BLA: Baloch Liberation Army", 2,
       "Military Forces of Pakistan", 1, "PK", "Balochistan", "Turbat", 26.0012, 63.0485, 2, 5, ["ISPR", "BLA"],
       "Five personnel of the Frontier Corps (FC) were martyred and four others injured on Tuesday when a roadside bomb struck their convoy near Turbat in Kech district",
       "A roadside IED claimed by the BLA hit a Frontier Corps convoy on the Turbat-Buleda road, killing five (BLA claimed 12). The date comes only from the share link (20241016) and 'Tuesday'.",
       "2024-10-15_turbat_ied-convoy"),
    ev("2024-10-15", "day", B, "Armed clash", UAG % "Pakistan", 3, "Islamic State (Pakistan)", 2,
       "PK", "Balochistan", "Mastung", 29.7997, 66.8455, 2, 2, ["police"],
       "two men described as members of the Islamic State Pakistan Province were shot dead by unidentified gunmen in the Kili Shaho area on Tuesday afternoon",
       "Unidentified gunmen shot dead two alleged IS Pakistan members in the Kili Shaho area of Mastung (armed-group victims, so an armed clash; the 2023 Mastung bombing is background).",
       "2024-10-15_mastung_is-members-killed"),
    ev("2024-10-15", "day", PR, "Protest with intervention", "Protesters (Pakistan)", 6, "Police Forces of Pakistan", 1,
       "PK", "Balochistan", "Gwadar", 25.1216, 62.3254, 1, None, ["BYC"],
       "In Gwadar, police fired tear gas and baton-charged a sit-in by the Baloch Yakjehti Committee (BYC) on Tuesday evening and detained at least 14 protesters",
       "Police tear-gassed and baton-charged a BYC sit-in against enforced disappearances on Marine Drive, Gwadar, detaining 14.",
       "2024-10-15_gwadar_byc-sit-in", as1=["BYC: Baloch Yakjehti Committee"]),
    ev("2024-10-14", "day", ERV, "Air/drone strike", "Military Forces of Pakistan", 8, "Civilians (Afghanistan)", 7,
       "AF", "Paktika", "Barmal", 32.6, 69.3, 2, 9, ["Afghan Taliban administration"],
       "Pakistani aircraft had bombed several houses in the Barmal district of Paktika province on Monday night, killing nine civilians",
       "Pakistani aircraft bombed houses in Barmal district, Paktika; the Taliban said nine civilians were killed, Pakistani security sources said TTP hideouts were targeted (victims coded as civilians, the only toll given; district coordinates approximate).",
       "2024-10-14_barmal_pakistani-airstrike"),
])

G["h3-en-05-yemen-analysis"] = ("en", "2025-03-04", "Gulf Policy Review", [])

# ---------------------------------------------------------------- French texts
G["h3-fr-01-gayeri-mani"] = ("fr", "2025-03-18", "Faso Matin", [
    ev("2025-03-16", "day", B, "Armed clash", "JNIM: Group for Support of Islam and Muslims", 2,
       "Military Forces of Burkina Faso", 1, "BF", "Est", "Gayéri", 12.6482, 0.4931, 1, 32,
       ["source sécuritaire", "JNIM"],
       "Le détachement militaire de Gayéri, chef-lieu de la province de la Komondjari, a été la cible d'une attaque d'envergure dimanche en fin de matinée.",
       "JNIM fighters stormed the Gayéri army detachment and were repulsed: 8 soldiers, 4 VDP and about 20 attackers killed (8+4+20; JNIM claimed 60+). Year only from the footer and body.",
       "2025-03-16_gayeri_jnim-attack", as2=["VDP: Volunteers for the Defense of the Homeland"]),
    ev("2025-03-17", "day", VAC, "Attack", UAG % "Burkina Faso", 3, "Civilians (Burkina Faso)", 7,
       "BF", "Est", "Mani", 13.2583, -0.2131, 1, 6, ["habitants"],
       "Dans la localité, au moins six civils ont été tués et plusieurs boutiques incendiées",
       "Unidentified gunmen attacked the weekly market of Mani, killing at least six civilians and burning shops ('la localité' refers to Mani in the previous sentence).",
       "2025-03-17_mani_market-attack"),
    ev("2025-03-17", "day", PR, "Peaceful protest", "Protesters (Burkina Faso)", 6, None, None,
       "BF", "Est", "Fada N'gourma", 12.0616, 0.3584, 1, None, [],
       "Lundi après-midi, à Fada N'Gourma, plusieurs centaines de personnes ont marché en soutien aux Forces de défense et de sécurité",
       "Several hundred people marched peacefully in Fada N'Gourma in support of the security forces.",
       "2025-03-17_fada-ngourma_pro-army-march"),
])

G["h3-fr-02-mali-drones"] = ("fr", "2025-09-23", "AFP", [
    ev("2025-09-21", "day", ERV, "Air/drone strike", "Military Forces of Mali", 1, "Civilians (Mali)", 7,
       "ML", "Kidal", "Abeïbara", 19.1167, 1.75, 2, 11, ["élus locaux", "FLA", "état-major général des armées"],
       "Au moins onze personnes, dont des enfants, ont été tuées dimanche par des frappes de drone de l'armée malienne dans la zone d'Abeïbara",
       "Malian army drone strikes hit a well and nomad camp about 30 km north of Abeïbara, killing at least 11 (FLA said 21 civilians; the army said it 'neutralised terrorists').",
       "2025-09-21_abeibara_drone-strikes"),
    ev("2025-09-19", "day", VAC, "Attack", "Military Forces of Mali", 1, "Civilians (Mali)", 7,
       "ML", "Segou", "Sagala", 14.1127, -6.7287, 1, 7, ["association de défense des droits des éleveurs peuls"],
       "au moins sept civils ont été tués vendredi par des éléments de l'armée malienne et leurs supplétifs russes d'Africa Corps au village de Sagala",
       "Malian soldiers and Africa Corps fighters detained and executed at least seven Fulani herders at Sagala, Niono circle; the army denied summary executions.",
       "2025-09-19_sagala_executions", as1=["Africa Corps"]),
    ev("2025-09-22", "day", B, "Armed clash", "JNIM: Group for Support of Islam and Muslims", 2, "Military Forces of Mali", 1,
       "ML", "Kayes", "Diéma", 14.54, -9.1921, 2, 5, ["source sécuritaire", "JNIM"],
       "des jihadistes du Groupe de soutien à l'islam et aux musulmans (JNIM, affilié à Al-Qaïda) ont attaqué près de Diéma (ouest) un convoi de camions-citernes escorté par l'armée",
       "JNIM attacked an army-escorted fuel convoy near Diéma, burning about 30 tankers; at least five soldiers killed (JNIM claimed 20).",
       "2025-09-22_diema_fuel-convoy-attack"),
])

G["h3-fr-03-lac-kamikaze"] = ("fr", "2024-12-10", "Tchad Nouvelles", [
    ev("2024-12-08", "day", ERV, "Suicide bomb", "Boko Haram - JAS", 2, "Civilians (Chad)", 7,
       "TD", "Lac", "Kaïga-Kindjiria", 13.83, 14.71, 1, 6, ["sources administratives"],
       "Au moins six personnes, dont la kamikaze, ont été tuées dimanche dans un attentat-suicide sur le marché de Kaïga-Kindjiria",
       "A female suicide bomber blew herself up in Kaïga-Kindjiria market, killing six including herself; unclaimed, attributed to Boko Haram (JAS). Coordinates 40 km north of Bol, as stated.",
       "2024-12-08_kaiga-kindjiria_suicide-bomb"),
    ev("2024-12-07", "day", B, "Armed clash", "Boko Haram - JAS", 2, "Military Forces of Chad", 1,
       "TD", "Lac", "Baga Sola", 13.53, 14.32, 2, 26, ["état-major général des armées"],
       "des combattants de Boko Haram avaient attaqué une position de l'armée nationale tchadienne près de Baga Sola",
       "Boko Haram fighters attacked an army position near Baga Sola at dawn on Saturday; the army said 9 soldiers and 17 attackers were killed (9+17). Baga Sola is not in the gazetteer: approximate coordinates. The Barkaram attack is background.",
       "2024-12-07_baga-sola_army-post-attack"),
    ev("2024-12-09", "day", PR, "Protest with intervention", "Protesters (Chad)", 6, "Police Forces of Chad", 1,
       "TD", "N'Djamena", "N'Djamena", 12.1067, 15.0444, 1, None, ["syndicat étudiant"],
       "la police a dispersé lundi à coups de gaz lacrymogène une manifestation d'étudiants de l'université de Toukra",
       "Police tear-gassed and dispersed a student protest against power cuts and unpaid grants in N'Djamena; about 20 students were detained.",
       "2024-12-09_ndjamena_student-protest"),
])

G["h3-fr-04-ouallam-villages"] = ("fr", "2025-05-12", "Niamey Dépêche", [
    ev("2025-05-09", "day", VAC, "Attack", "Islamic State (Greater Sahara)", 2, "Civilians (Niger)", 7,
       "NE", "Tillaberi Region", "Garbey Kourou", 14.54, 2.09, 1, 11, ["sources locales", "sources sécuritaires"],
       "À Garbey Kourou, à environ 25 km au nord de Ouallam, onze personnes ont été tuées, dont le chef de village et son fils.",
       "Suspected Islamic State Sahel fighters killed eleven people including the village chief in Garbey Kourou (coordinates 25 km north of Ouallam, as stated).",
       "2025-05-09_garbey-kourou_is-attack"),
    ev("2025-05-09", "day", VAC, "Attack", "Islamic State (Greater Sahara)", 2, "Civilians (Niger)", 7,
       "NE", "Tillaberi Region", "Tinkim", 14.54, 2.18, 1, 4, ["élu de la commune"],
       "À Tinkim, un hameau situé une dizaine de kilomètres plus à l'est, les assaillants ont abattu quatre hommes qui tentaient de protéger leur bétail",
       "The same attackers shot dead four men defending their cattle in Tinkim, about 10 km east of Garbey Kourou (approximate coordinates).",
       "2025-05-09_tinkim_is-attack"),
    ev("2025-05-08", "day", SD, "Arrests", "Police Forces of Niger", 1, "Civilians (Niger)", 7,
       "NE", "Niamey", "Niamey", 13.5137, 2.1098, 1, None, ["avocat"],
       "le journaliste Idrissa Maïga et deux membres d'une organisation de la société civile ont été interpellés jeudi à Niamey par des agents de la police judiciaire",
       "Judicial police arrested a journalist and two civil society members in Niamey for relaying an attack toll online.",
       "2025-05-08_niamey_journalist-arrest"),
])

G["h3-fr-05-jableh-embuscade"] = ("fr", "2025-02-04", "Le Courrier du Levant", [
    ev("2025-02-02", "day", B, "Armed clash", "Pro-Assad Insurgents", 2, "Police Forces of Syria", 1,
       "SY", "Latakia", "Jablah", 35.3621, 35.9276, 2, 4, ["ministère de l'Intérieur", "OSDH"],
       "Quatre membres de la Sécurité générale syrienne ont été tués dimanche dans une embuscade tendue par des « restes de l'ancien régime » sur une route de campagne au sud-est de Jableh",
       "Former-regime remnants ambushed General Security personnel south-east of Jableh, killing four (SOHR said six).",
       "2025-02-02_jableh_general-security-ambush"),
    ev("2025-02-03", "day", B, "Government regains territory", "Military Forces of Syria", 1, "Pro-Assad Insurgents", 2,
       "SY", "Latakia", "Ad Daliyah", 35.236, 36.1437, 1, 3, ["SANA"],
       "des renforts du ministère de la Défense et de la Sécurité générale ont repris lundi le contrôle du village de Dalieh",
       "Defence Ministry and General Security reinforcements retook Dalieh village east of Jableh from the insurgents, killing three and capturing others.",
       "2025-02-03_dalieh_government-retakes", as1=["Police Forces of Syria"]),
    ev("2025-02-03", "day", ERV, "Air/drone strike", "Military Forces of Turkey", 8, "Civilians (Syria)", 7,
       "SY", "Aleppo", "Tishreen Dam", 36.38, 38.18, 2, 5, ["administration autonome kurde"],
       "cinq civils ont été tués lundi par une frappe de drone turc qui a visé un convoi de civils se rendant au barrage de Tichrine",
       "A Turkish drone hit a civilian convoy heading to the Tishreen dam on the Euphrates, killing five (dam not in the gazetteer: approximate coordinates). The SDF-SNA fighting there is a generalisation, not coded.",
       "2025-02-03_tishreen-dam_turkish-drone"),
])

# ---------------------------------------------------------------- JSONL lines
G["h3-j-01"] = ("en", "2025-04-12", "Kyiv Ledger", [
    ev("2025-04-11", "day", ERV, "Shelling/artillery/missile attack", "Military Forces of Russia", 8, "Civilians (Ukraine)", 7,
       "UA", "Zaporizhzhia", "Zaporizhzhia", 47.8517, 35.1171, 1, 3, ["regional governor"],
       "A Russian missile strike on the southeastern city of Zaporizhzhia on Friday evening killed three people and wounded at least 20",
       "A Russian missile hit an industrial area and nearby apartments in Zaporizhzhia, killing three and wounding 20. Date from the id 20250412... in the URL.",
       "2025-04-11_zaporizhzhia_missile"),
    ev("2025-04-12", "day", ERV, "Shelling/artillery/missile attack", "Military Forces of Russia", 8, "Civilians (Ukraine)", 7,
       "UA", "Kherson", "Kherson", 46.6369, 32.6146, 1, 1, ["regional military administration"],
       "In Kherson, Russian artillery shelling killed a 64-year-old man in the city's Dniprovskyi district on Saturday morning",
       "Russian artillery killed a man in Kherson's Dniprovskyi district.",
       "2025-04-12_kherson_shelling"),
    ev("2025-04-11", "day", SD, "Disrupted weapons use", "Military Forces of Russia", 1, "Military Forces of Ukraine", 8,
       "RU", "Belgorod Oblast", "Belgorod", 50.6034, 36.5809, 3, 0, ["Russian defence ministry", "regional governor"],
       "its air defences had destroyed 12 Ukrainian drones over the Belgorod region on Friday night",
       "Russian air defences said they destroyed 12 Ukrainian drones over Belgorod region; no casualties (region only, geo 3).",
       "2025-04-11_belgorod_drones-downed"),
])

G["h3-j-02"] = ("en", "2025-05", "Nile Observer", [
    ev("2025-05-06", "day", B, "Non-state actor overtakes territory", "White Army", 4, "Military Forces of South Sudan", 1,
       "SS", "Upper Nile", "Ulang", 8.63, 32.70, 1, 9, ["local officials", "military source", "SSPDF spokesman"],
       "Armed youth of the so-called White Army overran a South Sudan People's Defence Forces (SSPDF) base in Ulang County, Upper Nile State, on May 6",
       "The White Army overran the SSPDF base in Ulang; officials said 17 soldiers were killed, the SSPDF said nine (coded); the garrison withdrew to Nasir. Ulang is not in the gazetteer: approximate coordinates.",
       "2025-05-06_ulang_white-army-base"),
    ev("2025-05-15", "month", ERV, "Air/drone strike", "Military Forces of South Sudan", 1, "Civilians (South Sudan)", 7,
       "SS", "Jonglei", "Ayod", 8.12, 31.42, 1, 7, ["county commissioner"],
       "government aircraft dropped barrel bombs on the market area of Ayod town in Jonglei State, killing seven civilians",
       "Government aircraft dropped barrel bombs on Ayod market, killing seven civilians; the army denied it. 'Thursday' cannot be resolved: the URL gives only the month (arbitrary day). Approximate coordinates.",
       "2025-05_ayod_barrel-bombs"),
])

G["h3-j-03"] = ("en", "2024-11-19", "West Bank Today", [
    ev("2024-11-18", "day", ERV, "Air/drone strike", "Military Forces of Israel", 8, "Palestinian Islamic Jihad", 2,
       "PS", "West Bank", "Tammun", 32.2835, 35.3837, 1, 3, ["Palestinian Health Ministry", "al-Quds Brigades", "Israeli army"],
       "Three Palestinians were killed on Monday when an Israeli drone struck a group of men in the town of Tammun",
       "An Israeli drone killed three al-Quds Brigades (PIJ) members in Tammun (Israeli forces coded 8, external, in Palestine).",
       "2024-11-18_tammun_drone-strike"),
    ev("2024-11-19", "day", B, "Armed clash", "Military Forces of Israel", 8, "Jenin Brigade", 2,
       "PS", "West Bank", "Jenin", 32.4594, 35.3009, 1, 2, ["Palestinian Health Ministry", "Jenin Brigade"],
       "Israeli forces raided the Jenin refugee camp with dozens of armoured vehicles and a bulldozer, triggering armed clashes with fighters of the Jenin Brigade",
       "An Israeli raid on Jenin camp led to clashes with the Jenin Brigade; two of its members were killed.",
       "2024-11-19_jenin-camp_raid-clash"),
    ev("2024-11-17", "day", VAC, "Attack", "Settlers (Israel)", 4, "Civilians (Palestine)", 7,
       "PS", "West Bank", "Al-Mughayyir", 32.0192, 35.3478, 1, 1, ["village council head"],
       "Israeli settlers attacked the village of Al-Mughayyir, northeast of Ramallah, shooting dead a 41-year-old farmer",
       "Settlers attacked Al-Mughayyir near Ramallah (not the Jenin-area village of the same name), killing a farmer and burning cars and a house.",
       "2024-11-17_al-mughayyir_settler-attack"),
])

G["h3-j-04"] = ("fr", "2025-06-24", "Haïti Quotidien", [
    ev("2025-06-24", "day", B, "Government regains territory", "Police Forces of Haiti", 1, "Viv Ansanm", 3,
       "HT", "Centre", "Lascahobas", 18.8305, -71.9356, 1, None, ["direction départementale de la police"],
       "a repris mardi matin le contrôle de Lascahobas",
       "The police, backed by the army, retook Lascahobas from Viv Ansanm gangs; 'several bandits neutralised', no figure.",
       "2025-06-24_lascahobas_pnh-retakes", as1=["Military Forces of Haiti"]),
    ev("2025-06-22", "day", B, "Non-state actor overtakes territory", "Viv Ansanm", 3, "Police Forces of Haiti", 1,
       "HT", "Centre", "Lascahobas", 18.8305, -71.9356, 1, 5, ["direction départementale de la police", "Protection civile"],
       "des dizaines d'hommes lourdement armés avaient pris d'assaut le commissariat de la ville, tuant trois policiers et au moins deux civils",
       "Viv Ansanm gangs stormed the police station and took Lascahobas, killing three police officers and at least two civilians, freeing prisoners and burning the town hall.",
       "2025-06-22_lascahobas_gang-takeover"),
    ev("2025-06-23", "day", RI, "Mob violence", "Rioters (Haiti)", 5, "Civilians (Haiti)", 7,
       "HT", "Centre", "Hinche", 19.1409, -72.0119, 1, 2, ["journaliste local"],
       "à Hinche, des habitants en colère ont lynché deux hommes qu'ils accusaient d'être des informateurs des gangs",
       "An angry crowd in Hinche lynched and burned two men accused of being gang informants.",
       "2025-06-23_hinche_lynching"),
])

G["h3-j-05"] = ("fr", "2024-10-29", "Amérique latine hebdo", [
    ev("2024-10-28", "day", B, "Armed clash", "Military Forces of Mexico", 1, "Los Chapitos", 3,
       "MX", "Sinaloa", "Eldorado", 24.3244, -107.3672, 2, 7, ["ministère de la Défense"],
       "Sept hommes armés ont été tués lundi lors d'un affrontement avec des militaires près d'Eldorado",
       "Soldiers clashed with gunmen of the Chapitos faction near Eldorado, south of Culiacán; seven gunmen killed, one soldier wounded.",
       "2024-10-28_eldorado_army-chapitos"),
    ev("2024-10-27", "day", B, "Armed clash", UAG % "Mexico", 3, "La Mayiza", 3,
       "MX", "Sinaloa", "Culiacán", 24.8021, -107.3942, 1, 5, ["parquet de l'État"],
       "cinq hommes que le parquet de l'État a présentés comme des membres de « La Mayiza »",
       "A commando shot dead five alleged Mayiza members in a car workshop in northern Culiacán (armed-group victims of an unnamed attacker: armed clash).",
       "2024-10-27_culiacan_mayiza-members-killed"),
    ev("2024-10-27", "day", PR, "Peaceful protest", "Protesters (Mexico)", 6, None, None,
       "MX", "Sinaloa", "Culiacán", 24.8021, -107.3942, 1, None, [],
       "plusieurs centaines d'habitants vêtus de blanc ont défilé dans le centre de Culiacán pour réclamer la paix",
       "Several hundred residents dressed in white marched for peace in central Culiacán without incident.",
       "2024-10-27_culiacan_peace-march"),
])

G["h3-j-06"] = ("fr", "2025-07-15", "Libye Actu", [
    ev("2025-07-13", "day", B, "Armed clash", "444th Brigade", 3, "Rada Special Deterrence Force", 3,
       "LY", "Tripoli", "Tajoura", 32.8817, 13.3506, 1, 4, ["ministère de la Santé", "Centre de médecine d'urgence"],
       "des hommes de la Brigade 444 ont attaqué des positions de la Rada près du rond-point de Tajoura",
       "The 444th Brigade attacked Rada positions in Tajoura; four killed including a civilian per the Health Ministry (the Emergency Medicine Centre said six).",
       "2025-07-13_tajoura_444-rada-clash"),
    ev("2025-07-14", "day", SD, "Agreement", "Rada Special Deterrence Force", 3, "444th Brigade", 3,
       "LY", "Tripoli", "Tripoli", 32.8874, 13.1873, 1, None, ["Conseil présidentiel"],
       "Un cessez-le-feu a été conclu lundi entre la Force spéciale de dissuasion (Rada) et la Brigade 444",
       "The Rada and the 444th Brigade agreed a ceasefire brokered by the Presidential Council and Tajoura notables.",
       "2025-07-14_tripoli_rada-444-ceasefire"),
])

os.makedirs(os.path.join(D, "gold"), exist_ok=True)
for art, (lang, pub, outlet, events) in G.items():
    doc = dict(article=art, language=lang, published=pub, outlet=outlet, events=events)
    with open(os.path.join(D, "gold", art + ".json"), "w", encoding="utf8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
print(len(G), "gold files,", sum(len(v[3]) for v in G.values()), "events")
