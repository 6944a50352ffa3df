"""Words that tell a name from English around it: words of grammar that open sentences, offices held before a
name, bodies an English noun names, and the regions that make a place pair one fact. Lists of lower-case
words, asked as sets (names.py and evidence.py ask them of every run of capitals)."""

from __future__ import annotations

# Words of grammar that open sentences (a capital there makes no name of them); with -ly adverbs, -ed verbs
# and comparatives, judged by their form.
GRAMMAR = frozenset("""a an the this that these those his her its their our my your some many most all both each
every no any another other such few several he she it they we i you there who which what when where why how
in on at by for from to with without after before during under over between against among into through since
until despite unlike like as of about around within across towards upon and but or so yet because although
though while whereas if unless once then also however overall therefore thus hence meanwhile moreover
furthermore instead even only still already again later soon now here just not never either neither became
made gave set sent led won lost took went came met saw got had was were did said wrote began built brought
fought held kept left paid put ran rose fell told thought felt found sold spent stood struck taught became
become make give take get do is are be has have being been spoke knew grew drew threw chose drove rode broke
froze stole swore wore bore bought caught sought sank rang sang swam hid fed fled shot forgot lay laid heard
meant lent dealt slept swept wept read withdrew overcame undertook forgave forbade shook woke afterwards
nevertheless firstly secondly finally eventually""".split())


# Offices held before a person's name stay outside it (President Andrew Johnson, Chief Justice Earl Warren);
# honorifics that are part of it (Sir Samuel Hoare) are not here.
OFFICES = frozenset("""president vice-president governor general chief justice senator congressman judge colonel
captain admiral marshal field chancellor prime minister secretary ambassador commissar chairman premier tsar
tsarina czar kaiser king queen emperor empress pope cardinal archbishop bishop prince princess duke
mayor governor-general reverend dr mr mrs ms lieutenant commander dowager""".split())


# Bodies that an English noun names: Parliament and Cromwell are two facts (the first no name to ask).
BODIES = frozenset("""parliament church state crown army navy congress senate government court council party
assembly commons lords convention estates nobles nobility clergy people union empire republic""".split())


# Where a place is: a pair `Town, Region` is one fact when its second name is one of these (a US state, a
# country). Any other pair is two names (`Japan, Tsushima`, `Zinoviev, Kamenev`).
REGIONS = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
virginia washington wisconsin wyoming afghanistan albania algeria argentina armenia australia austria belgium
bolivia bosnia brazil bulgaria burma cambodia canada chile china colombia croatia cuba cyprus czechoslovakia
denmark egypt england estonia ethiopia finland france germany greece hungary india indonesia iran iraq ireland
israel italy japan jordan kenya korea latvia lebanon libya lithuania mexico morocco netherlands nigeria norway
pakistan palestine peru philippines poland portugal prussia romania russia scotland serbia spain sweden
switzerland syria turkey uganda ukraine vietnam wales yugoslavia zimbabwe""".split())

# Numbers as words, which end a name they stand last in (District Six, the Big Three, the Group of Seven).
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty hundred thousand""".split())

# First names: how notes typed in lower case name a person (`emmeline pankhurst`, lowercase.py), and no word a
# title opens with (names.py: the Imperial Rescript on Education, not George Grenville | PM).
FIRST_NAMES = frozenset("""
adolf albert alexander alexandra alexei alfred alice andrei andrew anne annie anthony archibald arthur augustus
ben benito benjamin bernard boris camillo catherine cecil charles charlotte christabel clement constance cyril
daniel david dmitri dora douglas edmund edward eleanor elizabeth emil emily emmeline erich ernest ernst ethel
eugene ferdinand flora florence francis franz fred frederick friedrich fyodor george georgi giuseppe gregory
grigori gustav harold harriet harry heinrich helen helmut henry herbert hermann horatio hugh isaac isabella ivan
jacques james jane jawaharlal jean jeremiah joachim johann john josef joseph josephine karl kate keir klemens
konrad lavrenti leon leonid leopold lev lloyd louis ludwig lydia lyndon malcolm margaret maria marie mary
maximilien michael mikhail millicent muhammad nancy napoleon neville nicholas nikita nikolai octavia oliver otto
patrick paul philip pierre pyotr ramsay randolph richard robert rosa rudolf samuel sergei stanley stephen sylvia
ted theodore thomas tom ulysses victoria vladimir walter wilhelm william winston woodrow yuri
ada adela agnes aneurin austen beatrice dorothy edith elsie emma enoch evelyn gertrude hilda kathleen lilian mabel
marion maud muriel nellie oswald vera winifred
""".split())


# What follows a person's name and is not part of it: an office in capitals, a work they wrote.
OFFICE_LETTERS = frozenset("PM MP MEP CEO".split())
WORKS = frozenset("Letters Letter Diary Diaries Memoirs Speech Report Pamphlet Essay Manifesto".split())

# Nouns that a month before them makes a name of, beside the plain ones (Laws, Days, Theses, Revolution).
MONTH_NAMED = frozenset({"manifesto", "edict", "edicts", "putsch"})

# What is sent to a body, not named after it: the Voting Rights Act | to Congress.
SENT = frozenset("Act Acts Bill Bills Amendment Amendments Treaty Treaties Plan Report Army Armies Navy".split())

# The first words of many places' names: in New York, in South Carolina, in Cape Town.
PLACE_STARTS = frozenset("New North South East West Upper Lower Cape Port Fort San Santa Saint St St. Los Las Mount "
                         "Lake".split())

WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

# What a title names by what it is about, "on the ...": the Law on the Maintenance of Order, the Conference on
# the Limitation of Armament, the Declaration on the Granting of Independence.
TITLE_HEADS = frozenset("Law Laws Act Acts Treaty Declaration Convention Statute Decree Edict Charter Conference "
                        "Commission Committee Agreement Pact Report Resolution Ordinance Proclamation".split())

# The honours a person is named by, before their name (no office): Lord Canning, Sir Edward Grey.
HONOURS = frozenset("Lord Lady Sir Dame Earl Baron Count".split())
# Rulers' titles that OFFICES leaves out, before a name: Archduke Franz Ferdinand, the nawab wajid ali shah.
RULERS = frozenset("archduke archduchess sultan emir shah khan caliph tsarevich grand doge marquis dauphin rajah "
                   "raja maharaja nawab nizam shogun ayatollah imam sheikh bey pasha vizier elector".split())

# Whose possessive makes a name with what follows: the King’s African Rifles, the People’s Budget.
OWNERS = frozenset("king queen prince princess people lord lords lady duke pope emperor tsar".split())

# A group's possessive is inside a name wherever it stands: the Convention People’s Party, the German Women’s
# Enterprise, the Women’s Social and Political Union.
GROUPS = frozenset("people women men children workers peasants soldiers".split())

# The titles and ranks a person after a place is named by: at Salisbury | Lord Churchill, Bagh | - General Dyer.
NAMED_BY = HONOURS | {"Archbishop", "Bishop", "Cardinal", "General", "Admiral"}

PARTICLES = ("de", "von", "van", "der", "den", "du", "da", "di", "del", "della", "ten", "ter", "zu", "bin", "ibn",
             "fitz", "d")  # "d" as in d’Artois, Urse d’Abetot

# The little words inside a name in another language: Umkhonto we Sizwe, Chama cha Mapinduzi, Ortega y Gasset,
# Movimento dos Trabalhadores, Leis do Trabalho, Imprensa e Propaganda, Griff nach der Weltmacht, Sturm und Drang.
FOREIGN_JOINS = ("we", "wa", "cha", "dos", "das", "do", "e", "y", "las", "los",  # and FET y de las JONS
                 "nach", "und", "mit", "für", "zum", "zur", "über")

# A noble's title in lower case inside a French name: Henri duc de Rohan, Gaspard comte de Coligny.
NOBLE_TITLES = ("duc", "comte", "marquis", "vicomte", "seigneur")

# And with "of" and its year, what is named by its year: the Proclamation of 1763, the Compromise of 1850, the
# Revolutions of 1848, the Tariff of 1828.
OF_YEAR = ("Proclamation", "Compromise", "Revolution", "Revolutions", "Constitution", "Act", "Acts", "Settlement",
            "Charter", "Edict", "Ordinance", "Crisis", "Panic", "Tariff", "Treaty", "Peace", "Reform", "Statute")

# A lower-case noun that makes an event or a body of the name before it: the Khilafat movement, the RIN
# mutiny, the Siccardi laws, the Jupiter missiles, the Babington plot, the Crimean war.
EVENT_NOUNS = ("movement", "mutiny", "mutinies", "rising", "uprising", "rebellion", "revolt", "laws", "plot",
               "conspiracy", "massacre", "putsch", "missiles", "affair", "incident", "riots", "decrees", "edict",
               "war", "wars", "campaign", "crisis", "revolution", "reforms", "trial", "trials", "method", "system")
