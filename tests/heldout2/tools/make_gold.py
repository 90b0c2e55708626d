#!/usr/bin/env python3
"""Writes gold/*.json for the heldout2 articles (kept for review; the JSON files are the gold)."""
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
G = {}

G["h2-en-01-el-fasher-shelling"] = ("en", "2024-06-03", "Reuters", [
    ev("2024-06-02", "day", ERV, "Shelling/artillery/missile attack", "Rapid Support Forces", 2, "Civilians (Sudan)", 7,
       "SD", "Northern Darfur", "El Fasher", 13.6279, 25.3494, 1, 12, ["El Fasher resistance committee", "medical source"],
       "At least 12 people were killed on Sunday when artillery shells fired by the paramilitary Rapid Support Forces (RSF) hit a crowded market in El Fasher",
       "RSF artillery shells hit a crowded market in El Fasher, killing at least 12 (a hospital doctor counted 15 bodies, not all necessarily from the market).",
       "2024-06-02_el-fasher_market-shelling"),
    ev("2024-06-02", "day", B, "Armed clash", "Rapid Support Forces", 2, "Military Forces of Sudan", 1,
       "SD", "Northern Darfur", "Abu Shouk", 13.66, 25.34, 2, 10, ["military statement"],
       "the army and allied former rebel groups known as the Joint Forces said they had repelled an RSF assault near the Abu Shouk displacement camp",
       "The army and the Joint Forces repelled an RSF assault near Abu Shouk camp on El Fasher's northern edge; the army claimed 'dozens' of attackers killed (coded 10).",
       "2024-06-02_el-fasher-abu-shouk_clash", as2=["Joint Force of Armed Struggle Movements"]),
    ev("2024-06-01", "day", ERV, "Air/drone strike", "Military Forces of Sudan", 1, "Civilians (Sudan)", 7,
       "SD", "Northern Darfur", "Kabkabiya", 13.65, 24.0833, 1, 5, ["residents"],
       "army warplanes bombed Kabkabiya, about 150 km (93 miles) from El Fasher, on Saturday, killing five civilians",
       "Sudanese army warplanes bombed Kabkabiya, killing five civilians including two children.",
       "2024-06-01_kabkabiya_airstrike"),
])

G["h2-en-02-goma-m23"] = ("en", "2024-02-07", "Kivu Matin", [
    ev("2024-02-06", "day", ERV, "Shelling/artillery/missile attack", "M23: March 23 Movement", 2,
       "Civilians (Democratic Republic of Congo)", 7, "CD", "Nord Kivu", "Mugunga", -1.635, 29.17, 1, 5, ["army spokesman"],
       "were killed on Tuesday when bombs fired from M23 positions in the hills above Sake fell on the Mugunga displacement site",
       "Bombs fired from M23 positions above Sake hit the Mugunga displacement site west of Goma, killing five displaced people; M23 denied it.",
       "2024-02-06_mugunga_shelling"),
    ev("2024-02-06", "day", B, "Armed clash", "Military Forces of the Democratic Republic of Congo", 1,
       "M23: March 23 Movement", 2, "CD", "Nord Kivu", "Sake", -1.5739, 29.0434, 2, None, ["local sources"],
       "FARDC soldiers and Wazalendo fighters, backed by troops of the SADC mission, clashed with the rebels on the hills of Mubambiro",
       "FARDC, Wazalendo and SADC troops clashed with M23 around Sake (Mubambiro hills, Minova road) for a third day; no toll.",
       "2024-02-06_sake_clash",
       as1=["Wazalendo", "SAMIDRC: Southern African Development Community Mission in the Democratic Republic of Congo"]),
    ev("2024-02-05", "day", B, "Non-state actor overtakes territory", "M23: March 23 Movement", 2, None, None,
       "CD", "Nord Kivu", "Shasha", -1.615, 29.02, 1, None, ["civil society leader"],
       "the M23 on Monday took control of the villages of Shasha and Bweremana",
       "M23 took control of the village of Shasha on the Sake-Minova road (coordinates approximate).",
       "2024-02-05_shasha_m23-capture"),
    ev("2024-02-05", "day", B, "Non-state actor overtakes territory", "M23: March 23 Movement", 2, None, None,
       "CD", "Nord Kivu", "Bweremana", -1.665, 29.0, 1, None, ["civil society leader"],
       "the M23 on Monday took control of the villages of Shasha and Bweremana",
       "M23 took control of the village of Bweremana on the Sake-Minova road (coordinates approximate).",
       "2024-02-05_bweremana_m23-capture"),
])

G["h2-en-03-bannu-cantonment"] = ("en", "2024-07-16", None, [
    ev("2024-07-15", "day", ERV, "Suicide bomb", "Hafiz Gul Bahadur Group", 2, "Military Forces of Pakistan", 1,
       "PK", "Khyber Pakhtunkhwa", "Bannu", 32.9853, 70.604, 1, 8, ["ISPR", "Hafiz Gul Bahadur group"],
       "militants rammed an explosives-laden vehicle into the perimeter wall of the Bannu cantonment",
       "A suicide car bomb hit the Bannu cantonment wall at the start of an assault claimed by the Hafiz Gul Bahadur group; eight soldiers were killed.",
       "2024-07-15_bannu_suicide"),
    ev("2024-07-15", "day", B, "Armed clash", "Hafiz Gul Bahadur Group", 2, "Military Forces of Pakistan", 1,
       "PK", "Khyber Pakhtunkhwa", "Bannu", 32.9853, 70.604, 1, 10, ["ISPR"],
       "all ten terrorists were killed in the exchange of fire that followed",
       "After the blast, troops fought the remaining attackers trying to storm the Bannu cantonment and killed all ten.",
       "2024-07-15_bannu_clash"),
    ev("2024-07-14", "day", B, "Armed clash", "Unidentified Armed Group (Pakistan)", 3, "Police Forces of Pakistan", 1,
       "PK", "Khyber Pakhtunkhwa", "Kulachi", 31.9306, 70.4596, 2, 2, ["police"],
       "two policemen were shot dead by unidentified motorcyclists on Sunday night in the Kulachi tehsil of Dera Ismail Khan",
       "Unidentified gunmen on a motorcycle shot dead two policemen in Kulachi tehsil, Dera Ismail Khan.",
       "2024-07-14_kulachi_police-killed"),
])

G["h2-en-04-kenscoff-flash-update"] = ("en", "2025-03-17", "OCHA", [
    ev("2025-03-16", "day", VAC, "Attack", "Viv Ansanm", 3, "Civilians (Haiti)", 7,
       "HT", "Ouest", "Belot", 18.455, -72.262, 1, 9, ["local authorities"],
       "armed individuals from the Viv Ansanm gang coalition attacked the locality of Belot",
       "Viv Ansanm gangs attacked Belot in upper Kenscoff, killing at least nine residents and burning dozens of houses (coordinates approximate).",
       "2025-03-16_kenscoff-belot_gang-attack"),
    ev("2025-03-17", "day", PR, "Peaceful protest", "Protesters (Haiti)", 6, None, None,
       "HT", "Ouest", "Pétionville", 18.5125, -72.2853, 1, None, [],
       "several hundred residents of Kenscoff and Pétion-Ville gathered in front of the Pétion-Ville town hall to demand stronger action from the authorities against the gangs",
       "Several hundred residents protested peacefully at Pétion-Ville town hall demanding action against gangs.",
       "2025-03-17_petion-ville_protest"),
])

G["h2-en-05-depayin-airstrike"] = ("en", "2025-02-26", "The Irrawaddy", [
    ev("2025-02-24", "day", ERV, "Air/drone strike", "Military Forces of Myanmar", 1, "Civilians (Myanmar)", 7,
       "MM", "Sagaing Region", "Kyaung Kone", 22.69, 95.34, 2, 20, ["Depayin PDF", "residents"],
       "A regime airstrike on a village in Sagaing Region's Depayin Township on Monday killed at least 20 civilians",
       "A junta aircraft bombed Kyaung Kone village in Depayin Township, hitting a monastery school and killing at least 20 civilians including 11 students (village coordinates taken as Depayin's).",
       "2025-02-24_depayin_airstrike"),
    ev("2025-02-23", "day", B, "Non-state actor overtakes territory", "PDF: People's Defense Force", 2,
       "Police Forces of Myanmar", 1, "MM", "Sagaing Region", "Kawlin", 23.78, 95.68, 1, 14, ["Kawlin PDF"],
       "resistance forces said they had captured the police station in Kawlin town on Sunday after a two-day battle",
       "The Kawlin PDF said it captured Kawlin police station after a two-day battle, killing 14 police and soldiers and capturing six.",
       "2025-02-23_kawlin_pdf-capture"),
])

G["h2-en-06-nabatieh-strike"] = ("en", "2024-08-09", "AP", [
    ev("2024-08-09", "day", ERV, "Air/drone strike", "Military Forces of Israel", 8, "Hezbollah", 3,
       "LB", "Nabatiye", "Nabatieh", 33.3789, 35.4839, 1, 2, ["Hezbollah", "Lebanese state media"],
       "An Israeli drone strike on a car in the southern Lebanese city of Nabatieh killed two members of Hezbollah on Friday",
       "An Israeli drone struck a car in Nabatieh, killing two Hezbollah members.",
       "2024-08-09_nabatieh_drone-strike"),
    ev("2024-08-09", "day", ERV, "Shelling/artillery/missile attack", "Hezbollah", 3, "Military Forces of Israel", 1,
       "IL", "Northern District", "Kiryat Shmona", 33.212, 35.5704, 2, 0, ["Hezbollah", "Israeli military"],
       "it had launched \"dozens of Katyusha rockets\" at an Israeli army base near Kiryat Shmona",
       "Hezbollah fired about 30 rockets at an Israeli army base near Kiryat Shmona; most intercepted, no injuries.",
       "2024-08-09_kiryat-shmona_rockets"),
    ev("2024-08-09", "day", ERV, "Air/drone strike", "Military Forces of Israel", 8, "Civilians (Lebanon)", 7,
       "LB", "Nabatiye", "Aitaroun", 33.1167, 35.4667, 1, 1, ["Lebanon's Health Ministry"],
       "a strike on a house in the border village of Aitaroun killed a civilian and wounded two others",
       "An Israeli air strike on a house in Aitaroun killed one civilian and wounded two.",
       "2024-08-09_aitaroun_airstrike"),
])

G["h2-fr-01-djibo-convoi"] = ("fr", "2023-09-12", "Le Sahel Info", [
    ev("2023-09-10", "day", B, "Armed clash", "JNIM: Group for Support of Islam and Muslims", 2,
       "Military Forces of Burkina Faso", 1, "BF", "Sahel", "Namssiguia", 13.83, -1.6, 2, 15,
       ["source sécuritaire", "GSIM"],
       "Le convoi de ravitaillement parti de Kaya à destination de Djibo a été la cible d'une embuscade dimanche matin près de Namssiguia",
       "JNIM ambushed the escorted Kaya-Djibo supply convoy near Namssiguia with an explosive device and gunfire; 11 soldiers and 4 VDP killed (JNIM claimed 50+).",
       "2023-09-10_namssiguia_convoy-ambush",
       as2=["VDP: Volunteers for the Defense of the Homeland"]),
    ev("2023-09-11", "day", ERV, "Air/drone strike", "Military Forces of Burkina Faso", 1,
       "JNIM: Group for Support of Islam and Muslims", 2, "BF", "Sahel", "Tongomayel", 14.17, -1.37, 2, 30, ["AIB"],
       "l'aviation militaire a mené lundi plusieurs frappes sur des positions terroristes dans la zone de Tongomayel",
       "In retaliation, the air force struck militant positions in the Tongomayel area; AIB said about 30 'terrorists' were killed (target coded JNIM as the group that staged the ambush).",
       "2023-09-11_tongomayel_airstrikes"),
])

G["h2-fr-02-menaka-civils"] = ("fr", "2023-03-21", "RFI", [
    ev("2023-03-19", "day", VAC, "Attack", "Islamic State (Greater Sahara)", 2, "Civilians (Mali)", 7,
       "ML", "Menaka", "Tinabaw", 15.56, 2.4, 1, 8, ["notables locaux"],
       "Au moins huit civils ont été tués dimanche dans le village de Tinabaw",
       "Islamic State Sahel fighters on motorbikes rounded up and executed at least eight civilians in Tinabaw, about 40 km south of Menaka (coordinates approximate).",
       "2023-03-19_tinabaw_is-attack"),
    ev("2023-03-20", "day", SD, "Looting/property destruction", "Islamic State (Greater Sahara)", 2, "Civilians (Mali)", 7,
       "ML", "Menaka", "Inékar", 15.9594, 3.1411, 2, None, ["responsable du MSA"],
       "les mêmes hommes ont incendié des campements aux abords d'Inékar, à l'est de Ménaka, et emporté des centaines de têtes de bétail",
       "The same IS Sahel fighters burned camps near Inekar and stole hundreds of head of cattle; no casualty figure.",
       "2023-03-20_inekar_looting"),
])

G["h2-fr-03-niamey-analyse"] = ("fr", "2024-07-07", None, [])

G["h2-fr-04-bamenda-enlevement"] = ("fr", "2023-11-08", "Cameroun Actu", [
    ev("2023-11-06", "day", VAC, "Abduction/forced disappearance", "Ambazonian Separatists", 2, "Civilians (Cameroon)", 7,
       "CM", "North-West", "Bali", 5.8874, 10.0118, 1, None, ["sources concordantes"],
       "a été enlevé lundi soir à son domicile par des hommes armés se réclamant des « Amba Boys »",
       "Anglophone separatist fighters abducted a traditional quarter chief from his home in Bali and demanded a ransom.",
       "2023-11-06_bali_chief-abduction"),
    ev("2023-11-05", "day", ERV, "Remote explosive/landmine/IED", "Ambazonian Separatists", 2, "Military Forces of Cameroon", 1,
       "CM", "North-West", "Mankon", 5.975, 10.135, 1, None, ["source militaire"],
       "un engin explosif improvisé a explosé au passage d'un véhicule blindé de l'armée sur la route Bamenda-Bafut, dans le quartier de Mankon",
       "An IED attributed to separatists hit an army armoured vehicle on the Bamenda-Bafut road in Mankon, Bamenda, wounding three soldiers.",
       "2023-11-05_bamenda-mankon_ied"),
])

G["h2-fr-05-macomia-attaque"] = ("fr", "2024-05-13", "AFP", [
    ev("2024-05-10", "day", B, "Armed clash", "Islamic State (Mozambique)", 2, "Military Forces of Mozambique", 1,
       "MZ", "Cabo Delgado Province", "Macomia", -12.2467, 40.1208, 1, 8, ["source militaire", "Amaq"],
       "Des centaines d'insurgés liés au groupe État islamique ont attaqué vendredi la ville de Macomia",
       "Hundreds of IS-linked insurgents attacked Macomia and fought the army for hours before withdrawing; at least eight soldiers killed (IS claimed dozens).",
       "2024-05-10_macomia_clash"),
    ev("2024-05-10", "day", SD, "Looting/property destruction", "Islamic State (Mozambique)", 2, "Civilians (Mozambique)", 7,
       "MZ", "Cabo Delgado Province", "Macomia", -12.2467, 40.1208, 1, None, ["source humanitaire"],
       "Les assaillants ont ensuite pillé les magasins du centre-ville et les entrepôts d'organisations humanitaires",
       "The insurgents looted shops and humanitarian warehouses in central Macomia, taking food and medicine.",
       "2024-05-10_macomia_looting"),
])

G["h2-fr-06-kharkiv-bombes"] = ("fr", "2024-11-18", "AFP", [
    ev("2024-11-17", "day", ERV, "Air/drone strike", "Military Forces of Russia", 8, "Civilians (Ukraine)", 7,
       "UA", "Kharkivs'ka Oblast'", "Kharkiv", 49.9818, 36.2548, 1, 4, ["gouverneur régional"],
       "Quatre personnes, dont un adolescent, ont été tuées dimanche par des bombes planantes larguées par l'aviation russe sur un quartier résidentiel de Kharkiv",
       "Russian glide bombs hit a residential building and a petrol station in Kharkiv's Saltivka district, killing four and wounding 17.",
       "2024-11-17_kharkiv_glide-bombs"),
    ev("2024-11-18", "day", SD, "Disrupted weapons use", "Military Forces of Russia", 1, "Military Forces of Ukraine", 8,
       "RU", "Kursk Oblast", "Kursk Oblast", 51.7269, 36.1846, 3, 0, ["ministère russe de la Défense"],
       "le ministère russe de la Défense a affirmé lundi avoir abattu 34 drones ukrainiens au-dessus de la région de Koursk",
       "Russia's defence ministry said it shot down 34 Ukrainian drones over Kursk region overnight, with no casualties or damage.",
       "2024-11-18_kursk_drones-downed"),
])

G["h2-j-01"] = ("en", "2023-05-14", "Hiiraan Daily", [
    ev("2023-05-13", "day", B, "Armed clash", "Al Shabaab", 2, "Military Forces of Somalia", 1,
       "SO", "Galguduud", "Ceel Dheer", 3.8488, 47.1806, 2, 27, ["military commander", "al-Shabaab"],
       "al-Shabaab militants attacked a Somali National Army base on the outskirts of Ceel Dheer",
       "Al-Shabaab attacked an SNA base on the outskirts of Ceel Dheer; the commander said seven soldiers and more than 20 militants were killed (al-Shabaab claimed 41 soldiers).",
       "2023-05-13_ceel-dheer_clash"),
    ev("2023-05-12", "day", ERV, "Air/drone strike", "Military Forces of the United States", 8, "Al Shabaab", 2,
       "SO", "Middle Juba", "Jilib", 0.4883, 42.7854, 2, 3, ["AFRICOM"],
       "it had conducted an airstrike on Friday against al-Shabaab fighters in a remote area about 50 kilometres northeast of Jilib",
       "A US airstrike about 50 km northeast of Jilib killed three al-Shabaab militants, according to AFRICOM.",
       "2023-05-12_jilib_us-airstrike"),
])

G["h2-j-02"] = ("en", "2024-03-12", "Yemen Monitor", [
    ev("2024-03-11", "day", ERV, "Air/drone strike", "Houthi Movement", 2, "Civilians (Yemen)", 7,
       "YE", "Ta'izz", "Taiz", 13.5795, 44.0209, 1, 2, ["local health officials"],
       "A drone launched by Houthi forces hit a residential neighbourhood in the besieged city of Taiz on Monday, killing two children",
       "A Houthi drone hit a residential area near a school in al-Rawdha, Taiz, killing two children and wounding four.",
       "2024-03-11_taiz_houthi-drone"),
    ev("2024-03-10", "day", B, "Armed clash", "Houthi Movement", 2, "Military Forces of Yemen", 1,
       "YE", "Ma'rib", "Harib", 14.9316, 45.5036, 2, 6, ["military source"],
       "Houthi fighters attacked government positions in Harib district, in the south of Marib province, on Sunday night",
       "Houthi fighters attacked government positions in Harib district, Marib, sparking clashes until dawn; six soldiers killed.",
       "2024-03-10_harib_clash"),
])

G["h2-j-03"] = ("en", "2025-01-18", "Andes Wire", [
    ev("2025-01-16", "day", VAC, "Attack", "ELN: National Liberation Army", 2, "Civilians (Colombia)", 7,
       "CO", "Norte de Santander Department", "El Tarra", 8.5751, -73.0961, 2, 5, ["Ombudsman's Office"],
       "In the rural area of El Tarra, ELN gunmen went house to house on Thursday and killed five people",
       "ELN gunmen went house to house in rural El Tarra and killed five people including a community leader, accusing them of collaborating with FARC dissidents.",
       "2025-01-16_el-tarra_eln-killings"),
])

G["h2-j-04"] = ("fr", "2023-05", "Orient Actu", [
    ev("2023-05-15", "month", B, "Armed clash", "Islamic State", 2, "Popular Mobilization Forces", 3,
       "IQ", "Baghdad", "Tarmiyah", 33.6744, 44.3958, 2, 4, ["sources sécuritaires"],
       "ont été tués mardi soir dans une attaque de l'organisation État islamique (EI) contre l'un de leurs postes près de Tarmiyah",
       "IS militants opened fire on a PMF post near Tarmiyah north of Baghdad, killing four PMF fighters; only the month is known (the URL).",
       "2023-05_tarmiyah_is-attack"),
    ev("2023-05-15", "month", ERV, "Air/drone strike", "Military Forces of Turkey", 8, "Sinjar Resistance Units", 3,
       "IQ", "Nineveh", "Sinjar", 36.3209, 41.8766, 2, 2, ["responsables locaux"],
       "une frappe de drone attribuée à la Turquie a visé jeudi un véhicule près de la ville de Sinjar, tuant deux membres des Unités de résistance de Sinjar (YBŞ)",
       "A drone strike attributed to Turkey hit a vehicle near Sinjar, killing two YBS members; only the month is known.",
       "2023-05_sinjar_turkish-drone"),
])

G["h2-j-05"] = ("fr", "2025-01-10", "Levant Info", [
    ev("2025-01-09", "day", ERV, "Air/drone strike", "Military Forces of Turkey", 8, "Civilians (Syria)", 7,
       "SY", "Aleppo", "Tishreen Dam", 36.38, 38.18, 2, 6, ["FDS", "Croissant-Rouge kurde"],
       "Six civils ont été tués jeudi par une frappe de drone turc contre un convoi de véhicules civils près du barrage de Tichrine",
       "A Turkish drone struck a civilian aid convoy near the Tishreen dam, killing six civilians.",
       "2025-01-09_tishreen-dam_turkish-drone"),
    ev("2025-01-10", "day", B, "Armed clash", "Syrian National Army", 2, "Syrian Democratic Forces", 2,
       "SY", "Aleppo", "Dayr Hafir", 36.1569, 37.7078, 2, 11, ["OSDH"],
       "de violents combats ont de nouveau opposé l'Armée nationale syrienne (ANS), soutenue par Ankara, aux FDS près de Deir Hafer",
       "The Turkish-backed SNA and the SDF fought near Deir Hafer east of Aleppo; SOHR reported 11 fighters killed.",
       "2025-01-10_deir-hafer_clash"),
])

G["h2-j-06"] = ("fr", "2024-08-21", "Afrique Horizon", [
    ev("2024-08-19", "day", ERV, "Air/drone strike", "Military Forces of Ethiopia", 1, "Civilians (Ethiopia)", 7,
       "ET", "Amhara", "Finote Selam", 10.7, 37.2667, 1, 11, ["habitants", "responsable sanitaire"],
       "Au moins onze civils ont été tués lundi par une frappe de drone de l'armée éthiopienne dans la ville de Finote Selam",
       "An Ethiopian army drone hit a minibus near the bus station in Finote Selam, killing at least eleven civilians.",
       "2024-08-19_finote-selam_drone"),
    ev("2024-08-20", "day", B, "Armed clash", "Military Forces of Ethiopia", 1, "Fano Militia", 3,
       "ET", "Amhara", "Merawi", 11.4167, 37.1667, 1, None, ["Fano", "administration régionale"],
       "des combats ont opposé l'armée fédérale aux miliciens Fano à Merawi",
       "Federal troops and Fano militiamen fought in Merawi; Fano claimed to have held the town for hours, which the regional administration denied.",
       "2024-08-20_merawi_clash"),
])

os.makedirs(os.path.join(D, "gold"), exist_ok=True)
for art, (lang, pub, outlet, events) in G.items():
    doc = dict(article=art, language=lang, published=pub, outlet=outlet, events=events)
    with open(os.path.join(D, "gold", art + ".json"), "w", encoding="utf8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
print(len(G), "gold files,", sum(len(v[3]) for v in G.values()), "events")
