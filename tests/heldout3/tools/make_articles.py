#!/usr/bin/env python3
"""Writes articles.jsonl for the heldout3 JSONL articles (kept for review; articles.jsonl is the source)."""
import json, os
A = []
A.append(dict(id="h3-j-01",
 url="https://www.kyivledger.example/news/202504120931-russian-missile-strike-zaporizhzhia-kherson-shelling",
 title="Russian missile strike on Zaporizhzhia kills three as Kherson is shelled again",
 text="""Russian missile strike on Zaporizhzhia kills three as Kherson is shelled again

ZAPORIZHZHIA - A Russian missile strike on the southeastern city of Zaporizhzhia on Friday evening killed three people and wounded at least 20, the regional governor said.

The missile hit an industrial area on the city's left bank, damaging nearby apartment blocks and a kindergarten, he wrote on Telegram. Two of the dead were employees of a repair workshop; the third was a woman walking home from a bus stop. Rescue workers were still clearing rubble on Saturday morning.

In Kherson, Russian artillery shelling killed a 64-year-old man in the city's Dniprovskyi district on Saturday morning, the regional military administration said. Kherson, retaken by Ukraine in November 2022, is shelled almost daily from Russian positions on the opposite bank of the Dnipro river.

On the Russian side, the defence ministry in Moscow said its air defences had destroyed 12 Ukrainian drones over the Belgorod region on Friday night. The region's governor said there were no casualties.

The Kremlin denied targeting civilians and said its forces struck only "military and energy infrastructure." Ukrainian officials have warned that Russia is preparing a spring offensive in the Zaporizhzhia region, where the front line has been largely static since 2023.

Delegations from Kyiv and Moscow are expected to hold separate technical talks with U.S. mediators in Riyadh next week on a possible halt to strikes on energy facilities.

Photo: Firefighters at the site of the strike in Zaporizhzhia. (Kyiv Ledger / Dmytro Koval)
"""))
A.append(dict(id="h3-j-02",
 url="https://www.nile-observer.example/2025/05/white-army-overruns-sspdf-base-in-ulang-as-air-strikes-hit-ayod",
 title="White Army overruns army base in Ulang as air strikes hit Ayod",
 text="""JUBA - Armed youth of the so-called White Army overran a South Sudan People's Defence Forces (SSPDF) base in Ulang County, Upper Nile State, on May 6, killing at least 17 soldiers, local officials and a military source said.

The SSPDF spokesman acknowledged the loss of the base but said only nine soldiers had been killed and that the rest of the garrison had "tactically withdrawn" to Nasir, about 40 km to the east. The fighters seized weapons and two armoured vehicles, a local official said.

On Thursday, government aircraft dropped barrel bombs on the market area of Ayod town in Jonglei State, killing seven civilians, according to the county commissioner, who is affiliated with the opposition SPLM-IO. The army denied carrying out any strike in Ayod.

The White Army, a loose network of Nuer youth militias, fought alongside the SPLA-IO during the 2013-2018 civil war. Tensions have risen since First Vice President Riek Machar was placed under house arrest in March, and the United Nations has warned that the country is at risk of "relapsing into full-scale war."

Envoys of the regional bloc IGAD met in Addis Ababa last week to discuss ways to salvage the 2018 peace agreement. Elections planned for December 2026 are widely expected to be postponed again.
"""))
A.append(dict(id="h3-j-03",
 url="https://www.westbank-today.example/2024/11/19/three-killed-in-israeli-drone-strike-on-tammun",
 title="Three killed in Israeli drone strike on Tammun; raid on Jenin camp leaves two dead",
 text="""This website uses cookies to ensure you get the best experience. Learn more | Got it!

WEST BANK TODAY
News | West Bank | Jerusalem | Gaza | Opinion | Features | Multimedia | Donate

Share: Facebook | X | Telegram | WhatsApp | Email

Three killed in Israeli drone strike on Tammun; raid on Jenin camp leaves two dead

By WBT Staff

Three Palestinians were killed on Monday when an Israeli drone struck a group of men in the town of Tammun, south of Tubas, in the northern occupied West Bank, the Palestinian Health Ministry said.

The al-Quds Brigades, the armed wing of Palestinian Islamic Jihad, said in a statement that the three were members of its Tubas battalion. The Israeli army said it had "eliminated a terrorist cell" that was preparing an attack.

At dawn on Tuesday, Israeli forces raided the Jenin refugee camp with dozens of armoured vehicles and a bulldozer, triggering armed clashes with fighters of the Jenin Brigade. Two men were killed, the Health Ministry said; the Jenin Brigade later said both were its members. The army said one soldier was lightly wounded.

READ ALSO: Settlers torch olive groves near Nablus as harvest season ends

On Sunday, Israeli settlers attacked the village of Al-Mughayyir, northeast of Ramallah, shooting dead a 41-year-old farmer and setting fire to several cars and a house, the village council head said. Israeli police said they had opened an investigation.

Israeli raids in the northern West Bank have intensified since the start of the war in Gaza in October 2023. The army carried out a large-scale operation in Jenin and Tulkarem at the end of August.

[Photo: Mourners carry the bodies of the three men through Tammun. Credit: WBT / Nablus]

Related articles
- Jerusalem: demolition orders issued for 12 homes in Silwan
- Gaza: UN says aid convoys blocked for third week

Subscribe to our newsletter | About | Contact | Privacy policy
(c) 2024 West Bank Today. All rights reserved.
"""))
A.append(dict(id="h3-j-04",
 url="https://www.haiti-quotidien.example/actualites/2025-06-24/lascahobas-la-pnh-reprend-le-controle-de-la-ville",
 title="Lascahobas : la PNH reprend le contrôle de la ville, deux jours après l'assaut des gangs",
 text="""La Police nationale d'Haïti (PNH), appuyée par des militaires des Forces armées d'Haïti (FAd'H), a repris mardi matin le contrôle de Lascahobas, dans le département du Centre, deux jours après que des gangs de la coalition Viv Ansanm se furent emparés de la ville, a annoncé la direction départementale de la police.

« Plusieurs bandits ont été neutralisés et les principales artères de la ville sont sous notre contrôle », a déclaré à la presse un inspecteur divisionnaire, sans donner de bilan chiffré. Des agents ont été déployés autour du commissariat et de l'hôpital.

Dimanche, des dizaines d'hommes lourdement armés avaient pris d'assaut le commissariat de la ville, tuant trois policiers et au moins deux civils, avant de libérer les détenus de la prison civile et d'incendier le bâtiment de la mairie. Des milliers d'habitants ont fui vers Hinche et vers la frontière dominicaine, selon la Protection civile.

Lundi, à Hinche, des habitants en colère ont lynché deux hommes qu'ils accusaient d'être des informateurs des gangs venus de Lascahobas, a rapporté un journaliste local. Leurs corps ont été brûlés sur la place publique avant l'arrivée de la police.

La coalition Viv Ansanm, qui contrôle la majeure partie de Port-au-Prince, étend son emprise vers le Plateau central depuis la prise de Mirebalais et de Saut-d'Eau au printemps. Ses chefs ont menacé dans une vidéo de « marcher sur Hinche ».

À New York, le Conseil de sécurité de l'ONU doit examiner la semaine prochaine un rapport du secrétaire général sur la transformation de la mission multinationale d'appui à la sécurité.

Photo : des policiers de la PNH à Port-au-Prince. © Haïti Quotidien
"""))
A.append(dict(id="h3-j-05",
 url="https://www.amerique-latine-hebdo.example/mexique/sinaloa-sept-hommes-armes-tues-dans-un-affrontement-avec-l-armee",
 title="Mexique : sept hommes armés tués dans un affrontement avec l'armée au Sinaloa",
 text="""Publié le 29 octobre 2024 à 18h05 - Par notre correspondant à Mexico

Sept hommes armés ont été tués lundi lors d'un affrontement avec des militaires près d'Eldorado, au sud de Culiacán, la capitale de l'État de Sinaloa (nord-ouest), a annoncé le ministère de la Défense. Un soldat a été blessé. Selon le ministère, les assaillants, qui circulaient à bord de pick-up blindés, appartenaient à la faction des « Chapitos », dirigée par des fils de Joaquín « El Chapo » Guzmán.

Dimanche, cinq hommes que le parquet de l'État a présentés comme des membres de « La Mayiza », la faction fidèle à Ismael « El Mayo » Zambada, ont été abattus par un commando dans un atelier mécanique d'un quartier du nord de Culiacán.

Le même jour, plusieurs centaines d'habitants vêtus de blanc ont défilé dans le centre de Culiacán pour réclamer la paix, à l'appel de collectifs de mères de disparus et d'organisations d'entrepreneurs. La marche s'est déroulée sans incident.

La guerre entre les deux factions du cartel de Sinaloa a éclaté début septembre, après l'arrestation d'El Mayo aux États-Unis en juillet. Selon le parquet, plus de 200 personnes ont été tuées et plus de 250 ont disparu dans l'État depuis le début des affrontements. Les écoles de Culiacán ont suspendu à plusieurs reprises les cours en présentiel.

La présidente a promis l'envoi de renforts supplémentaires et assuré que les forces fédérales « ne se retireront pas » du Sinaloa.
"""))
A.append(dict(id="h3-j-06",
 url="https://www.libye-actu.example/20250715/tripoli-cessez-le-feu-apres-des-affrontements-a-tajoura",
 title="Libye : un cessez-le-feu conclu à Tripoli après des affrontements meurtriers à Tajoura",
 text="""Partager : Facebook | X | WhatsApp | Telegram | Copier le lien

Un cessez-le-feu a été conclu lundi entre la Force spéciale de dissuasion (Rada) et la Brigade 444, au lendemain d'affrontements qui ont fait au moins quatre morts à Tajoura, dans la banlieue est de Tripoli, a annoncé le Conseil présidentiel.

Les combats ont éclaté dimanche soir lorsque des hommes de la Brigade 444 ont attaqué des positions de la Rada près du rond-point de Tajoura, sur fond de rivalité pour le contrôle des accès à l'aéroport de Mitiga. Le ministère de la Santé a fait état de quatre morts, dont un civil, et de 19 blessés ; le Centre de médecine d'urgence a quant à lui évoqué six morts.

L'accord, négocié par le Conseil présidentiel et des notables de Tajoura, prévoit le retrait des deux groupes sur leurs positions antérieures et le déploiement d'unités « neutres » du ministère de l'Intérieur.

Lire aussi : Benghazi : réouverture du port après des travaux de dragage

En mai, des combats entre groupes armés avaient fait des dizaines de morts dans le quartier d'Abou Salim. La Mission d'appui des Nations unies en Libye (Manul) a appelé « toutes les parties à la retenue » et rappelé que les discussions du comité de suivi du processus de Berlin devaient reprendre à Genève à la fin du mois. La Rada a averti qu'elle « riposterait fermement » à toute nouvelle attaque.

© Libye Actu 2025 - Mentions légales - Contact
"""))
with open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "articles.jsonl"), "w", encoding="utf8") as f:
    for a in A:
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
print(len(A))
