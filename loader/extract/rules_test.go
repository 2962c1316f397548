package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// triple renders a statement as "speaker KIND target" for comparisons.
func triple(st Statement) string {
	tg := "-"
	if st.Target != nil {
		tg = *st.Target
	}
	return fmt.Sprintf("%s %s %s", st.Speaker, st.Kind, tg)
}

func triples(r Result) []string {
	var out []string
	for _, st := range r.Statements {
		out = append(out, triple(st))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var published = time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC) // a Thursday

// ruleCases are sentences written for these tests, one rule each.
var ruleCases = []struct {
	name   string
	text   string
	want   []string // statements that must be found
	absent []string // statements that must not be found
	skip   string   // a known gap
}{
	{name: "01. active accusation", text: "Canada accused Iran of running a covert influence campaign.",
		want: []string{"Canada ACCUSES Iran"}},
	{name: "02. passive accusation with agent", text: "Iran was accused by Canada of running a covert influence campaign.",
		want: []string{"Canada ACCUSES Iran"}, absent: []string{"Iran ACCUSES Canada"}},
	{name: "03. nominal accusation by possessor and against", text: "Ottawa's accusations against Tehran drew a sharp reply.",
		want: []string{"Canada ACCUSES Iran"}},
	{name: "04. denial of another state's accusations", text: "Iran has firmly rejected the accusations of Canada.",
		want: []string{"Iran DENIES Canada"}},
	{name: "05. capital as metonym", text: "Tokyo condemned Pyongyang for the latest missile launch.",
		want: []string{"Japan CRITICIZES North Korea"}},
	{name: "06. demonym side", text: "The Indian side strongly criticized Pakistan over the border incident.",
		want: []string{"India CRITICIZES Pakistan"}},
	{name: "07. spokesperson before name with ministry", text: "Brazilian Foreign Ministry spokesman Pedro Almeida dismissed the Argentine claims as baseless.",
		want: []string{"Pedro Almeida DENIES Argentina"}},
	{name: "08. reported speech after the clause", text: "Argentina's accusations are groundless and politically motivated, Brazilian Foreign Ministry spokesman Pedro Almeida said on Monday.",
		want: []string{"Pedro Almeida DENIES Argentina"}},
	{name: "09. surname coreference", text: "Kenyan Foreign Minister Amina Otieno spoke in Nairobi. Otieno urged Uganda to withdraw its troops.",
		want: []string{"Amina Otieno DEMANDS Uganda"}},
	{name: "10. pronoun coreference", text: "Polish Foreign Minister Tomasz Nowak met reporters. He accused Belarus of orchestrating the migrant crisis.",
		want: []string{"Tomasz Nowak ACCUSES Belarus"}},
	{name: "11. role noun coreference", text: "Swedish government spokeswoman Karin Berg addressed the press. The spokeswoman called on Russia to release the detained sailors.",
		want: []string{"Karin Berg DEMANDS Russia"}},
	{name: "12. coordinated speakers", text: "Washington and London accused Moscow of hacking routers.",
		want: []string{"United States ACCUSES Russia", "United Kingdom ACCUSES Russia"}},
	{name: "13. listed speakers after including", text: "Several governments condemned the cyberattack by Iranian hackers, including France, Germany and Italy.",
		want: []string{"France ACCUSES Iranian hackers", "Germany ACCUSES Iranian hackers", "Italy ACCUSES Iranian hackers"}},
	{name: "14. sanctions phrase", text: "The European Union imposed sanctions on Belarus on Tuesday.",
		want: []string{"European Union SANCTIONS Belarus"}},
	{name: "15. expulsion of diplomats rolls up to the state", text: "Poland expelled 45 Russian diplomats.",
		want: []string{"Poland SANCTIONS Russia"}},
	{name: "16. indictment by the Justice Department", text: "The Justice Department indicted three Iranian hackers.",
		want: []string{"United States Department of Justice INDICTS three Iranian hackers"}},
	{name: "17. passive indictment", text: "Two North Korean programmers have been charged by US prosecutors.",
		want: []string{"United States Department of Justice INDICTS two North Korean programmers"}},
	{name: "18. demand with urge", text: "The Chinese Foreign Ministry urged Washington to stop interfering in Hong Kong.",
		want: []string{"Ministry of Foreign Affairs of China DEMANDS United States"}},
	{name: "19. threat of countermeasures", text: "Russia will take countermeasures against Norway, the Kremlin said.",
		want: []string{"Kremlin THREATENS Norway"}},
	{name: "20. quoted speaker continues with we", text: `"We call on Tehran to stop supplying drones," the British Foreign Secretary Jane Doe said.`,
		want: []string{"Jane Doe DEMANDS Iran"}},
	{name: "21. unnamed spokesperson speaks for the agency", text: `A State Department spokesperson said: "We call on Moscow to release the journalist."`,
		want: []string{"United States Department of State DEMANDS Russia"}},
	{name: "22. antecedent denial", text: "The Washington Post reported that Russian hackers were behind the breach. Kremlin spokesman Dmitry Ivanov rejected the allegations.",
		want: []string{"Dmitry Ivanov DENIES The Washington Post"}},
	{name: "23. named administration", text: "The Obama administration blamed Chinese hackers for the breach.",
		want: []string{"Obama administration ACCUSES Chinese hackers"}},
	{name: "24. evaluative denial of listed accusers", text: `"These are unfounded statements from Lithuania, Latvia and Estonia," the Belarusian Foreign Ministry said.`,
		want: []string{"Ministry of Foreign Affairs of Belarus DENIES Lithuania", "Ministry of Foreign Affairs of Belarus DENIES Estonia"}},
	{name: "25. no statement from a press release noun", text: "The minister said in a press release that talks with Chile went well.",
		absent: []string{"", "DEMANDS"}},
	{name: "26. adjective alleged is not a verb", text: "Germany's alleged role in the affair was discussed by Austria.",
		absent: []string{"Austria ACCUSES Germany"}},
	{name: "27. state echo: the official speaks", text: "Lin said Canada will take countermeasures against Denmark.",
		skip: "surname-only persons are not detected without a role"},
	{name: "28. embassy with seat", text: "The Chinese Embassy in London condemned the British government for its remarks.",
		want: []string{"Embassy of China in London CRITICIZES United Kingdom"}},
	{name: "29. hold accountable", text: "Australia will hold Russia accountable for the downing of the plane, the prime minister said.",
		want: []string{"Australia ACCUSES Russia"}},
	{name: "30. warned that", text: "The FBI warned on Monday that Chinese hackers are targeting water utilities.",
		want: []string{"Federal Bureau of Investigation ACCUSES Chinese hackers"}},
	{name: "31. sanctions on a company and named persons", text: "The US Treasury sanctioned Wuhan Example Science and Technology Company and two Chinese nationals, Zhao Guanglin and Ni Gaoyang.",
		want: []string{"United States Department of the Treasury SANCTIONS Wuhan Example Science and Technology Company", "United States Department of the Treasury SANCTIONS Zhao Guanglin", "United States Department of the Treasury SANCTIONS Ni Gaoyang"}},
	{name: "32. code-named group", text: "The UK and US accused China-backed hacking group APT99 of targeting lawmakers.",
		want: []string{"United Kingdom ACCUSES APT99", "United States ACCUSES APT99"}},
	{name: "33. attribution to an agency after to", text: "Australia attributed the Microsoft Exchange hack to China's Ministry of State Security.",
		want: []string{"Australia ACCUSES Ministry of State Security"}, absent: []string{"Australia ACCUSES Microsoft"}},
	{name: "34. unnamed office holder speaks for the state", text: "France's foreign minister summoned the Russian ambassador.",
		want: []string{"France CRITICIZES Russia"}},
	{name: "35. hedged behind-claim", text: "Britain's National Cyber Security Centre said Russia's GRU was almost certainly behind the attacks.",
		want: []string{"National Cyber Security Centre ACCUSES GRU"}},
	{name: "36. visa restrictions as sanctions", text: "In a statement, the State Department said it was imposing visa restrictions on 14 Chinese officials.",
		want: []string{"United States Department of State SANCTIONS 14 Chinese officials"}},
	{name: "37. future sanctions are a threat", text: "The European Union will impose sanctions on Belarus if the crackdown continues.",
		want: []string{"European Union THREATENS Belarus"}, absent: []string{"European Union SANCTIONS Belarus"}},
	{name: "38. passive sanctions with agent", text: "Sanctions were imposed on three Russian intelligence officers by the European Union.",
		want: []string{"European Union SANCTIONS three Russian intelligence officers"}},
	{name: "39. announced countermeasures are sanctions", text: "China announced countermeasures against ten EU individuals and four entities.",
		want: []string{"China SANCTIONS ten EU individuals"}}, // a counted group of people is what the measure lists (the gold's first reading; its union is the alternative)
	{name: "40. evaluative denial by embassy", text: "The Chinese embassy in Washington said the US accusations were smears.",
		want: []string{"Embassy of China in Washington DENIES United States", "United States ACCUSES China"}},
	{name: "41. denial with no accuser named", text: "North Korea has denied involvement in the Sony hack.",
		want: []string{"North Korea DENIES -"}},
	{name: "42. conjunction clause keeps its own subject", text: "Russia expelled two US diplomats days after the US expelled Russian staff at the United Nations.",
		want: []string{"Russia SANCTIONS United States", "United States SANCTIONS Russia"}, absent: []string{"United States SANCTIONS United Nations"}},
	{name: "43. reported wrong with attack verb", text: "London has alleged that Russian hackers infiltrated the networks of several ministries.",
		want: []string{"United Kingdom ACCUSES Russian hackers"}},
	{name: "44. the foreign ministry in a capital", text: "The foreign ministry in Beijing urged Canada to release the detained executive.",
		want: []string{"Ministry of Foreign Affairs of China DEMANDS Canada"}},
	{name: "47. passive denial of possessed allegations", text: "The Lithuanian allegations were rejected by Minsk on Friday.",
		want: []string{"Belarus DENIES Lithuania"}},
	{name: "48. predicative criticism of measures", text: `The EU imposed sanctions on Belarus. "These measures by Minsk are regrettable and unacceptable," the EU foreign policy chief said.`,
		want: []string{"European Union CRITICIZES Belarus"}},
	{name: "49. pressed to", text: "Washington pressed Beijing to rein in its hackers.",
		want: []string{"United States DEMANDS China"}},
	{name: "50. a press conference is not a demand", text: "At a press conference in Ottawa, Canada's prime minister spoke about trade with Mexico.",
		absent: []string{"DEMANDS"}},
	{name: "51. sentence-initial it continues the institution", text: "The Russian Foreign Ministry condemned the expulsions. It also urged Estonia to reverse the decision.",
		want: []string{"Ministry of Foreign Affairs of Russia DEMANDS Estonia"}},
	{name: "52. new clause subject is not a target", text: "The European Union condemned Iran, and Germany and France called on Tehran to free the detainees.",
		want: []string{"European Union CRITICIZES Iran", "Germany DEMANDS Iran", "France DEMANDS Iran"}, absent: []string{"European Union CRITICIZES Germany"}},
	{name: "53. a known agency head stands for its agency", text: "Beijing said the Foreign Office had summoned the Chinese ambassador.",
		want: []string{"Foreign, Commonwealth and Development Office CRITICIZES China"}},
	{name: "54. launching an inquiry is no wrong", text: "Paris said the European Union launched an investigation into the dumping of steel.",
		absent: []string{"France ACCUSES European Union"}},
	{name: "55. the two countries", text: "India summoned Pakistan's envoy. Pakistan recalled its diplomats from India. The two countries have accused each other of sponsoring attacks.",
		want: []string{"India ACCUSES Pakistan", "Pakistan ACCUSES India"}},
	{name: "56. the two sides traded accusations", text: "Armenia shelled positions near the border, Azerbaijan said. The two sides traded accusations on Monday.",
		want: []string{"Armenia ACCUSES Azerbaijan", "Azerbaijan ACCUSES Armenia"}},
	{name: "57. a wrong done by an actor", text: "On Tuesday the Justice Department said federal agents had thwarted an operation by a hacking group backed by the Iranian government.",
		want: []string{"United States Department of Justice ACCUSES hacking group backed by the Iranian government"}},
	{name: "45. calling sanctions unfriendly", text: "Canada imposed sanctions on Venezuela. Venezuelan Foreign Minister Rosa Marquez called the sanctions illegitimate.",
		want: []string{"Rosa Marquez CRITICIZES Canada"}, absent: []string{"Canada CRITICIZES Venezuela"}},
	{name: "58. a diplomat's title is not a charge", text: "Morocco summoned the Algerian charge d'affaires on Friday.",
		want: []string{"Morocco CRITICIZES Algeria"}, absent: []string{"INDICTS"}},
	{name: "59. opposing accusations denies them", text: "Vietnam firmly opposes the groundless accusations by the Philippines over the reef incident.",
		want: []string{"Vietnam DENIES Philippines"}, absent: []string{"Vietnam ACCUSES Philippines", "Vietnam CRITICIZES Philippines"}},
	{name: "60. agentless arrest reported by prosecutors", text: "VIENNA - Two men were arrested on suspicion of spying for Iran, Austrian prosecutors said.",
		want: []string{"Prosecutors of Austria ACCUSES two men"}},
	{name: "61. bare federal prosecutors belong to the dateline state", text: "BRUSSELS - A former official was charged with espionage on Monday, federal prosecutors said.",
		want: []string{"Prosecutors of Belgium INDICTS -"}, absent: []string{"United States Department of Justice INDICTS -"}, skip: "a person described only by a role is not an actor"},
	{name: "62. predicative judgement of sanctions", text: "Japan announced sanctions on Russia. A Kremlin spokesman said the sanctions were unfriendly.",
		want: []string{"Kremlin CRITICIZES Japan"}},
	{name: "64. the threatened actor as subject", text: "Norway expelled a Russian diplomat. The Russian Foreign Ministry said Oslo would regret its decision.",
		want: []string{"Ministry of Foreign Affairs of Russia THREATENS Norway"}},
	{name: "65. will pay a price", text: `"Tehran will pay a heavy price for this attack," Israeli Defense Minister Avi Levin said.`,
		want: []string{"Avi Levin THREATENS Iran"}},
	{name: "66. a credit in parentheses is no actor", text: "OSLO (Reuters) - Norway's police security service said a hacker group believed to be linked to the Russian government was behind the attack.",
		want: []string{"Police of Norway ACCUSES hacker group linked to the Russian government"}, absent: []string{"ACCUSES Norway"}},
	{name: "67. a credit line opening the body", text: "Global Times - The Chinese Foreign Ministry urged Canada to stop smearing China.",
		want: []string{"Ministry of Foreign Affairs of China DEMANDS Canada"}, absent: []string{"Global Times DEMANDS Canada"}},
	{name: "68. condemning claims is no accusation", text: "Iran condemned Britain for baseless claims that Iranian agents plotted attacks in London.",
		want: []string{"Iran CRITICIZES United Kingdom"}, absent: []string{"Iran ACCUSES United Kingdom"}},
	{name: "69. expelled from a state", text: "Three Russian diplomats were expelled from Austria on Monday.",
		want: []string{"Austria SANCTIONS Russia"}},
	{name: "70. an attempted wrong", text: "Denmark and Sweden said Russian military intelligence had tried to hack into their defence ministries.",
		want: []string{"Denmark ACCUSES GRU", "Sweden ACCUSES GRU"}},
	{name: "71. negated accusation", text: "Norway did not accuse Russia of the attack, and Finland stopped short of blaming Moscow.",
		absent: []string{"Norway ACCUSES Russia", "Finland ACCUSES Russia"}},
	{name: "72. declined to condemn", text: "Hungary declined to condemn Russia over the strikes.",
		absent: []string{"Hungary CRITICIZES Russia"}},
	{name: "73. not only is no negation", text: "Latvia not only condemned Belarus but also expelled its envoy.",
		want: []string{"Latvia CRITICIZES Belarus"}},
	{name: "74. rejecting a call denies no claim", text: "Serbia rejected the European Union's call for sanctions on Russia.",
		absent: []string{"DENIES"}},
	{name: "75. warning of a group reports its wrong", text: "The Dutch government warns of Russian hackers targeting ports.",
		want: []string{"Netherlands ACCUSES Russian hackers"}, absent: []string{"Netherlands THREATENS Russian hackers"}},
	{name: "76. a negated wrong is no accusation", text: "Kenya said Ugandan hackers had never breached its networks.",
		absent: []string{"Kenya ACCUSES Ugandan hackers"}},
	{name: "77. a spokesperson named later", text: "A Chinese Foreign Ministry spokesman on Monday urged Japan to stop hyping the issue. The spokesman, Li Ming, said Tokyo should reflect on its history.",
		want: []string{"Li Ming DEMANDS Japan"}},
	{name: "78. condemning an attack whose author is not known", text: "Israel and Iran have traded strikes for weeks. Israel said Iran launched missiles on Sunday. France and Britain condemned the attack.",
		absent: []string{"France ACCUSES Israel", "France CRITICIZES Israel", "United Kingdom ACCUSES Israel"}},
	{name: "79. a subordinate clause is not the object", text: "The UN chief urged both sides to show restraint after Iran launched drones at Israel.",
		absent: []string{"United Nations DEMANDS Iran", "United Nations DEMANDS Israel"}},
	{name: "80. the victim of a violation is not its author", text: "Finland summoned Russia's ambassador. The Finnish foreign minister said the incursion was unacceptable and a violation of Finnish airspace.",
		want: []string{"Finland CRITICIZES Russia"}, absent: []string{"CRITICIZES Finland"}},
	{name: "81. a single suspect is not the state", text: "Estonian prosecutors charged a Russian citizen with espionage.",
		want: []string{"Prosecutors of Estonia INDICTS Russian citizen"}, absent: []string{"Prosecutors of Estonia INDICTS Russia"}},
	{name: "82. an unplaced minister speaks for the dateline state", text: "OTTAWA - Canada summoned China's ambassador on Friday. Foreign Minister Anne Roy said the incursion was unacceptable.",
		want: []string{"Anne Roy CRITICIZES China"}, absent: []string{"Anne Roy CRITICIZES Canada"}},
	{name: "83. an embassy spokesman speaks for the embassy named before", text: "VIENNA - The Iranian embassy in Vienna criticized Austria. An embassy spokesman said Vienna would regret its decision.",
		want: []string{"Embassy of Iran in Vienna THREATENS Austria"}},
	{name: "84. an imagined measure is no threat by its victim", text: "An Iranian spokesman said Vienna would regret any decision to expel Iranian diplomats.",
		absent: []string{"Austria THREATENS Iran", "Austria SANCTIONS Iran"}},
	{name: "85. calling a measure with its object illegitimate", text: "Iran's foreign ministry called new European Union sanctions on Iranian officials illegitimate.",
		want: []string{"Ministry of Foreign Affairs of Iran CRITICIZES European Union"}},
	{name: "86. a reduced relative on an object accuses no third state", text: "The US slapped sanctions on three Chinese firms accused of supplying Russia's military.",
		absent: []string{"United States ACCUSES Russia"}},
	{name: "87. protested to", text: "Tokyo protested to Beijing over the detention of a Japanese businessman.",
		want: []string{"Japan CRITICIZES China"}},
	{name: "88. coast guard and intrusion", text: "The Philippines accused China's coast guard of firing water cannons at its vessels, while Beijing said Manila had intruded into Chinese waters.",
		want: []string{"Philippines ACCUSES Coast Guard of China", "China ACCUSES Philippines"}},
	{name: "89. a qualified intelligence agency", text: "Germany's domestic intelligence agency said Russian hackers known as APT28 were behind the attack.",
		want: []string{"Intelligence services of Germany ACCUSES APT28"}},
	{name: "90. a court's conviction", text: "An Iranian court convicted two French citizens of spying for Israel.",
		want: []string{"Courts of Iran INDICTS two French citizens"}},
	{name: "91. a sentenced journalist is not the state", text: "A Russian court sentenced a US journalist to 16 years in prison on espionage charges.",
		want: []string{"Courts of Russia INDICTS US journalist"}, absent: []string{"Courts of Russia INDICTS United States"}},
	{name: "92. an arrest reported by a foreign ministry", text: "Two Russian citizens were arrested in Warsaw on suspicion of spying, the Russian Foreign Ministry said.",
		absent: []string{"Ministry of Foreign Affairs of Russia ACCUSES two Russian citizens"}},
	{name: "93. coordinated culprits of a reported wrong", text: `Chinese Foreign Ministry spokesperson Lin Hua said Washington and London had "fabricated" claims about Chinese hacking.`,
		want: []string{"Lin Hua ACCUSES United States", "Lin Hua ACCUSES United Kingdom"}},
	{name: "94. a security firm named by its kind", text: "Security firm Darkvane said Iranian hackers had breached water utilities in Israel.",
		want: []string{"Darkvane ACCUSES Iranian hackers"}},
	{name: "95. asked about is a question", text: "French President Jean Roux spoke in Paris. Asked about China, Roux said Europe should avoid a confrontation.",
		absent: []string{"DEMANDS"}},
	{name: "96. asked to is a request", text: "Kenya asked Uganda to withdraw its troops.",
		want: []string{"Kenya DEMANDS Uganda"}},
	{name: "97. drawing condemnation from several states", text: "Pyongyang has conducted a record number of missile tests this year, drawing condemnation from Washington, Seoul and Tokyo.",
		want: []string{"United States CRITICIZES North Korea", "South Korea CRITICIZES North Korea", "Japan CRITICIZES North Korea"}},
	{name: "98. an unjustified decision is criticized, not denied", text: "Brazil called the US decision to raise tariffs unjustified.",
		want: []string{"Brazil CRITICIZES United States"}, absent: []string{"United States ACCUSES Brazil", "Brazil DENIES United States"}},
	{name: "99. an undecided measure", text: "The EU has not yet decided whether to sanction Georgian officials.",
		absent: []string{"European Union SANCTIONS Georgia", "European Union SANCTIONS Georgian officials"}},
	{name: "100. considering sanctions is no sanction", text: "Moscow is considering sanctions against Moldovan officials, a Kremlin source said.",
		absent: []string{"Russia SANCTIONS Moldova"}},
	{name: "101. the denied act names no accuser", text: "Tehran denied supplying drones to Russia.",
		want: []string{"Iran DENIES -"}, absent: []string{"Iran DENIES Russia"}},
	{name: "102. the accuser named later in the denial's sentence", text: "North Korea has denied any involvement in the hacking of the bank, which the FBI blamed on Pyongyang.",
		want: []string{"North Korea DENIES Federal Bureau of Investigation", "Federal Bureau of Investigation ACCUSES North Korea"}},
	{name: "103. partisan names of states", text: "Iran's foreign minister condemned the Zionist regime for the assassination in Tehran.",
		want: []string{"Iran CRITICIZES Israel"}},
	{name: "104. the accuser named in the denial's own words", text: "Seoul said North Korean hackers stole data. North Korea has previously denied involvement in cyberattacks, calling such accusations a smear campaign by Washington.",
		want: []string{"North Korea DENIES United States"}, absent: []string{"North Korea DENIES South Korea"}},
	{name: "105. must stop is a demand", text: `"The American side must stop its provocations," Chinese Defense Ministry spokesman Wu Qian told reporters.`,
		want: []string{"Wu Qian DEMANDS United States"}},
	{name: "106. waging a hybrid war", text: `"Russia is waging a hybrid war against Europe," Estonian Prime Minister Kaja Kask said.`,
		want: []string{"Kaja Kask ACCUSES Russia"}},
	{name: "107. visa bans", text: "Washington imposed visa bans on 20 Georgian officials, the State Department said.",
		want: []string{"United States SANCTIONS 20 Georgian officials"}},
	{name: "108. banned from entering", text: "Moscow banned 500 Americans from entering Russia in retaliation.",
		want: []string{"Russia SANCTIONS United States"}},
	{name: "109. designated entities", text: "The Office of Foreign Assets Control designated five Iranian entities.",
		want: []string{"Office of Foreign Assets Control SANCTIONS Iran"}},
	{name: "110. a designated spokesperson is no sanction", text: "The designated spokesperson of Ghana declined to comment on the ban.",
		absent: []string{"SANCTIONS"}},
	{name: "111. federal prosecutors without a dateline are American", text: "Federal prosecutors in New York charged two Chinese men with acting as agents of Beijing.",
		want: []string{"United States Department of Justice INDICTS two Chinese men"}, absent: []string{"Prosecutors of China INDICTS two Chinese men"}},
	{name: "112. federal prosecutors under a foreign dateline", text: "BERLIN, May 3 (Reuters) - Two Chinese men were charged with spying for Beijing, federal prosecutors said.",
		want: []string{"Prosecutors of Germany INDICTS two Chinese men"}},
	{name: "113. did not hesitate is no negation", text: "Poland did not hesitate to condemn Belarus for the border provocation.",
		want: []string{"Poland CRITICIZES Belarus"}},
	{name: "114. allegations as part of a campaign", text: "Britain accused Iran of plotting attacks. Iranian Foreign Ministry spokesman Ali Vaziri said the allegations were part of a hostile campaign against the Islamic Republic.",
		want: []string{"Ali Vaziri DENIES United Kingdom"}},
	{name: "115. according to a report in an outlet", text: "According to a report in The Wall Street Journal, Russian hackers stole emails from the State Department.",
		want: []string{"The Wall Street Journal ACCUSES Russian hackers"}},
	{name: "116. a media report named later", text: "A US media report said Chinese hackers had breached the Pentagon's networks. China rejected the report by The New York Times as groundless.",
		want: []string{"The New York Times ACCUSES Chinese hackers", "China DENIES The New York Times"}},
	{name: "117. said it held responsible", text: "Washington said it held Tehran responsible for the drone strike that killed three US soldiers.",
		want: []string{"United States ACCUSES Iran"}},
	{name: "118. the North in an article about Korea", text: "Seoul said North Korea stole cryptocurrency. In 2017 Washington and London attributed the WannaCry outbreak to the North.",
		want: []string{"United Kingdom ACCUSES North Korea"}},
	{name: "119. part-of apposition: the head speaks", text: "Britain's National Cyber Security Centre, part of GCHQ, said Russia was almost certainly behind the campaign.",
		want: []string{"National Cyber Security Centre ACCUSES Russia"}, absent: []string{"Government Communications Headquarters ACCUSES"}},
	{name: "120. a dateline city is no subject", text: "BRUSSELS/BEIJING (Wire) - NATO allies on Wednesday condemned a campaign of cyber espionage, saying the group known as Salt Typhoon had compromised telecom providers.",
		want: []string{"NATO ACCUSES Salt Typhoon"}, absent: []string{"European Union ACCUSES"}},
	{name: "121. a denial names its accuser in a that-clause", text: "Britain accused China of hacking. China's embassy in Brussels said the accusations were groundless smears and that NATO was hyping up the so-called China threat.",
		want: []string{"Embassy of China in Brussels DENIES NATO"}, absent: []string{"Embassy of China in Brussels DENIES United Kingdom"}},
	{name: "122. a participle after the attribution belongs to the speaker", text: "\"We are deeply concerned by malicious cyber activities originating from China,\" the G7 ministers said, urging Beijing to respect the norms.",
		want: []string{"G7 DEMANDS China"}},
	{name: "123. measures judged a smear deny whoever imposed them", text: "The European Union imposed sanctions on six Russian officers. Foreign Ministry spokeswoman Maria Zakharova told reporters in Moscow the measures were part of a smear campaign.",
		want: []string{"Maria Zakharova DENIES European Union"}},
	{name: "124. a counted group of people stays the target of sanctions", text: "The Justice Department charged three Iranian nationals with hacking. The Treasury Department sanctioned the three men.",
		want: []string{"United States Department of the Treasury SANCTIONS three Iranian nationals"}, absent: []string{"SANCTIONS Iran"}},
	{name: "125. an outlet's name inside a company's name", text: "The Treasury sanctioned a front company called Mehr Afzar Solutions.",
		absent: []string{"Mehr News Agency"}},
	{name: "126. X said he would: the speaker himself", text: "Defence Minister Ruben Brekelmans said Russia was spying. Foreign Minister Caspar Veldkamp said he would summon the ambassador and called on Moscow to stop its unacceptable cyber operations.",
		want: []string{"Caspar Veldkamp DEMANDS Russia"}, absent: []string{"Ruben Brekelmans CRITICIZES Russia", "Ruben Brekelmans DEMANDS Russia"}},
	{name: "127. the bureau is the bureau the article named", text: "The Harbin Public Security Bureau accused the National Security Agency of cyberattacks. The bureau also accused the University of California of involvement.",
		want: []string{"Harbin Public Security Bureau ACCUSES University of California"}, absent: []string{"National Security Agency ACCUSES"}},
	{name: "128. coordinated actors behind an attack", text: "Britain said Israel and America were behind the attack on fuel stations.",
		want: []string{"United Kingdom ACCUSES Israel", "United Kingdom ACCUSES United States"}},
	{name: "129. a known agency name inside a longer unknown name", text: "Iran's oil ministry was hit. The Supreme National Security Council said Israel was behind the attack.",
		want: []string{"Supreme National Security Council ACCUSES Israel"}},
	{name: "130. a stern response is a threat", text: "North Korea hacked exchanges. South Korea's Foreign Ministry said Seoul would sternly respond to the North's illicit cyber activities.",
		want: []string{"Ministry of Foreign Affairs of South Korea THREATENS North Korea"}},
	{name: "131. a hedged link to a state is a claim", text: "The MIVD said the group was highly likely working for the Russian government.",
		want: []string{"Military Intelligence and Security Service ACCUSES Russia"}},
	{name: "132. an unhedged link describes the group", text: "Hackers linked to China were active last year, the report said.",
		absent: []string{"ACCUSES China"}},
	{name: "133. a document's author speaks", text: "The advisory, written by the Australian Signals Directorate with agencies from the United States, Britain and Japan, said the group known as APT40 had stolen passwords.",
		want: []string{"Australian Signals Directorate ACCUSES APT40"}, absent: []string{"Japan ACCUSES APT40"}},
	{name: "134. told to stop groundless smears", text: "Chinese Foreign Ministry spokesperson Lin Jian said the United States should adopt a responsible attitude and stop making groundless smears against China.",
		want: []string{"Lin Jian DENIES United States"}},
	{name: "135. told to stop spreading disinformation denies nothing named", text: "Mao urged Canberra to stop spreading disinformation.",
		absent: []string{"DENIES"}},
	{name: "136. a descriptor joined to the agency's acronym", text: "The Dutch military intelligence service MIVD accused Russia of hacking the police.",
		want: []string{"Military Intelligence and Security Service ACCUSES Russia"}},
	{name: "137. calls a report a smear", text: "Taiwan accused China of hacking. Beijing calls the report a smear.",
		want: []string{"China DENIES Taiwan"}},
	{name: "138. a date opener is no clause", text: "In 2018 Britain blamed Russia's GRU for the nerve agent attack in Salisbury, and expelled 23 Russian diplomats.",
		want: []string{"United Kingdom SANCTIONS Russia"}, absent: []string{"GRU SANCTIONS"}},
	{name: "139. charged a price is no indictment", text: "Prosecutors said the company charged Chinese security services between $10,000 and $75,000 for each inbox it broke into.",
		absent: []string{"INDICTS"}},
	{name: "140. the government under a dateline", text: "LONDON, Dec 7 - Britain accused Russia of hacking. The government imposed sanctions on Ruslan Peretyatko, an FSB officer.",
		want: []string{"United Kingdom SANCTIONS Ruslan Peretyatko"}},
	{name: "141. a list of names over an apposition", text: "Britain imposed sanctions on two Russians, Ruslan Peretyatko, an FSB intelligence officer, and Andrey Korinets.",
		want: []string{"United Kingdom SANCTIONS Ruslan Peretyatko", "United Kingdom SANCTIONS Andrey Korinets", "United Kingdom SANCTIONS two Russians"}, absent: []string{"SANCTIONS Russia"}},
	{name: "142. the one urged is the one judged", text: "The Czech government accused China of hacking. The EU urged China to take action against malicious cyber activities conducted from its territory.",
		want: []string{"European Union DEMANDS China"}, absent: []string{"China CRITICIZES"}},
	{name: "143. an origin in an apposition is no target", text: "Last year Polish prosecutors charged a group of foreigners, most of them from Ukraine and Belarus, with spying for Russia.",
		absent: []string{"INDICTS Ukraine", "INDICTS Belarus"}},
	{name: "144. the accused's hostile acts are the accusation, not a criticism by the accused", text: "Poland has accused Russia of a string of hostile acts since the start of the war.",
		want: []string{"Poland ACCUSES Russia"}, absent: []string{"Russia CRITICIZES Poland"}},
	{name: "63. an adjective far from the measure does not judge it", text: "Lithuanian Foreign Minister Jonas Petraitis said Minsk posed an unacceptable threat and announced sanctions on six Belarusian officials.",
		absent: []string{"CRITICIZES Lithuania"}},
	{name: "46. hackers linked to a state", text: "Japanese officials said the hackers were likely linked to China.",
		want: []string{"Japan ACCUSES China"}},
	{name: "145. a hyphenated given name is one name", text: "Taiwan's deputy interior minister Lin Wei-chun said Chinese hackers had broken into ministry networks.",
		want: []string{"Lin Wei-chun ACCUSES Chinese hackers"}},
	{name: "146. a participle on a common noun names no accuser", text: "The central bank said its reserves were intact after a series of heists blamed on Pyongyang.",
		absent: []string{"ACCUSES"}},
	{name: "147. a standing denial answers no one", text: "Britain accused Russia of hacking the election commission. Russia has repeatedly denied such accusations.",
		want: []string{"Russia DENIES -"}, absent: []string{"Russia DENIES United Kingdom"}},
	{name: "148. a demanded halt is no separate criticism", text: "The EU foreign policy chief called on Moscow to stop its destabilising actions.",
		want: []string{"European Union DEMANDS Russia"}, absent: []string{"CRITICIZES"}},
	{name: "149. a bureau named with its ministry", text: "Taiwan's Ministry of Justice Investigation Bureau said Chinese hackers had stolen chip designs.",
		want: []string{"Ministry of Justice Investigation Bureau ACCUSES Chinese hackers"}},
	{name: "150. an agent named by a description", text: "Singapore's Cyber Security Agency said the intrusion was carried out by a group known as Chimera.",
		want: []string{"Cybersecurity agencies of Singapore ACCUSES Chimera"}},
	{name: "151. directed surveillance is a wrong", text: "Australia sanctioned five Iranian officials on Monday. Foreign Minister Penny Wong said the officials had directed cyber surveillance against activists.",
		want: []string{"Penny Wong ACCUSES five Iranian officials"}},
	{name: "152. fuelling hysteria is an accusation", text: `The Russian embassy in Warsaw said Poland was "fuelling anti-Russian hysteria".`,
		want: []string{"Embassy of Russia in Warsaw ACCUSES Poland"}},
	{name: "153. a handle with an underscore", text: "Kenya's foreign ministry said a group that calls itself Anon_Falcon had defaced government websites.",
		want: []string{"Ministry of Foreign Affairs of Kenya ACCUSES Anon_Falcon"}},
	{name: "154. monitored sanctions are no sanctions", text: "A UN panel that monitored sanctions on North Korea said the country stole cryptocurrency.",
		absent: []string{"SANCTIONS"}},
	{name: "155. the wronged side of a denial is the accuser", text: `"The government categorically denies any involvement in actions against Chile," Argentina's foreign ministry said.`,
		want: []string{"Ministry of Foreign Affairs of Argentina DENIES Chile"}},
	{name: "156. a demand that cites conduct", text: `"The DPRK must immediately cease these malicious cyber activities," the U.S. ambassador told the council.`,
		want: []string{"United States DEMANDS North Korea"}, absent: []string{"CRITICIZES"}},
	{name: "157. a transcript's ministry is the answering state's", text: "Foreign Ministry Spokesperson Zhang Wei's Regular Press Conference on May 3\n\nQ: Japan's defence minister said Chinese hackers attacked Japanese satellites. What's your response?\n\nA: China firmly rejects any groundless smears against China. We urge Japan to stop hyping the issue.",
		want: []string{"Zhang Wei DENIES Japan", "Zhang Wei DEMANDS Japan"}},
	{name: "158. later agentless designations are the sanctioner's", text: "WASHINGTON - The US Treasury on Tuesday sanctioned Russian national Pavel Orlov over ransomware attacks on hospitals. His associates, Arman Duvik and Teodor Rask, were designated for acting on his behalf.",
		want: []string{"United States Department of the Treasury SANCTIONS Arman Duvik", "United States Department of the Treasury SANCTIONS Teodor Rask"}},
	{name: "159. the regime is the state named before it", text: "WASHINGTON - The Justice Department charged two Iranian hackers on Monday. Attorney General Merrick Garland called the regime \"a rogue state that steals\".",
		want: []string{"Merrick Garland CRITICIZES Iran"}, absent: []string{"CRITICIZES United States"}},
	{name: "160. the Assad regime is no bare regime", text: "Britain said the attacks served the Assad regime.",
		absent: []string{"Syria"}},
	{name: "161. a named gang threatening a state speaks", text: "Costa Rica declared an emergency after attacks by the Conti ransomware group. Conti threatened to overthrow the government of Costa Rica.",
		want: []string{"Conti THREATENS Costa Rica"}},
	{name: "162. described hackers do not speak", text: "Russian hackers threatened Estonia with more attacks.",
		absent: []string{"THREATENS"}},
	{name: "163. an act made possible is no act", text: "Prosecutors said the contractor ran a hacker-for-hire network that allowed Beijing to deny involvement.",
		absent: []string{"DENIES"}},
	{name: "164. answers labelled with the spokesperson's name", text: "Foreign Ministry Spokesperson Sun Hao's Regular Press Conference on June 4\n\nQ: Denmark's security service said Chinese hackers attacked its ports. Your comment?\n\nSun Hao: China firmly opposes all cyberattacks. The Danish side has made groundless accusations. We urge Denmark to stop smearing China.\n\nQ: Will China respond?\n\nSun Hao: We have lodged stern representations with the Danish side.",
		want: []string{"Sun Hao DENIES Denmark", "Sun Hao DEMANDS Denmark"}, absent: []string{"Sun Hao DEMANDS China"}},
	{name: "165. a one-off caption label is no answer", text: "Q: Did Japan accuse China?\n\nPhoto: Reuters\n\nJapan accused China of hacking.",
		want: []string{"Japan ACCUSES China"}},
	{name: "166. an open question is no threat", text: "Japan accused China of hacking its ports. The minister did not say whether Tokyo would retaliate.",
		want: []string{"Japan ACCUSES China"}, absent: []string{"THREATENS"}},
	{name: "167. a question asked is no threat", text: "Greece expelled two Turkish diplomats. Asked whether Ankara would take countermeasures if Athens expelled more, the Turkish spokesman said he had nothing to add.",
		want: []string{"Greece SANCTIONS Turkey"}, absent: []string{"THREATENS"}},
	{name: "168. a described unit named as a group", text: "Sweden blamed a GRU unit, known as UNC4221, for the breach.",
		want: []string{"Sweden ACCUSES UNC4221"}},
	{name: "169. a by-agent tracked as a group", text: "Denmark said the intrusions had been carried out by a unit tracked by researchers as UNC4221.",
		want: []string{"Denmark ACCUSES UNC4221"}},
	{name: "170. a quoted conduct noun keeps its by-agent", text: "Estonia accused China of espionage in May. Finland said the sabotage was part of \"a campaign of hostile activities\" by Russia.",
		want: []string{"Finland CRITICIZES Russia"}, absent: []string{"Finland CRITICIZES China"}},
	{name: "171. coordinated subjects after a conjunction", text: "The report came a year after Norway and Denmark blamed UNC4221 for a hacking campaign.",
		want: []string{"Norway ACCUSES UNC4221", "Denmark ACCUSES UNC4221"}},
	{name: "172. a relative denial answers each accuser of its sentence", text: "Canada accused Russia of espionage in May. Norway and Denmark blamed UNC4221 for a hacking campaign against their ports, which Russia also denied.",
		want: []string{"Russia DENIES Norway", "Russia DENIES Denmark"}, absent: []string{"Russia DENIES Canada"}},
	{name: "173. a condemnation of conduct names the one urged after it", text: "Canada accused China of espionage in May. Norway's foreign ministry condemned this reckless behaviour and urged Iran to respect international norms.",
		want: []string{"Ministry of Foreign Affairs of Norway CRITICIZES Iran", "Ministry of Foreign Affairs of Norway DEMANDS Iran"}, absent: []string{"Ministry of Foreign Affairs of Norway CRITICIZES China"}},
	{name: "174. an indictment as subject is the justice department's", text: "WASHINGTON - The Justice Department announced the case on Monday. An indictment unsealed today in Virginia charges two officers of Russia's Federal Security Service with hacking a defence contractor.",
		want: []string{"United States Department of Justice INDICTS two officers of Russia's Federal Security Service"}},
	{name: "175. companies are no defendants", text: "Prosecutors said Ali Rezaei, 40, and Omid Karimi, 38, worked for Iran's intelligence ministry and targeted equipment made by German companies. The Treasury Department sanctioned the defendants.",
		absent: []string{"United States Department of the Treasury SANCTIONS Germany", "United States Department of the Treasury SANCTIONS German companies"}},
	{name: "176. a counted group named again by its body", text: "Britain sanctioned six GRU officers on Thursday. The Foreign Office said six officers of the GRU had hacked British universities.",
		absent: []string{"Foreign, Commonwealth and Development Office ACCUSES six officers of the GRU"}, want: []string{"Foreign, Commonwealth and Development Office ACCUSES six GRU officers"}},
	{name: "177. a target added to a blacklist is sanctioned", text: "The U.S. Commerce Department on Tuesday added the Russian firm Volna Systems to its Entity List.",
		want: []string{"United States Department of Commerce SANCTIONS Volna Systems"}},
	{name: "178. a listing only foreseen is no sanction", text: "Analysts said Beijing was likely to respond by adding American drone makers to its unreliable entity list.",
		absent: []string{"SANCTIONS"}},
	{name: "179. the companies continue the counted companies", text: "A Japanese report named 11 Chinese technology companies on Friday. Tokyo then added the companies to its export blacklist.",
		want: []string{"Japan SANCTIONS China"}},
	{name: "180. a counted sanctions list without a state", text: "The Council today adopted restrictive measures against three individuals and two entities responsible for cyber-attacks on the EU.",
		want: []string{"Council of the European Union SANCTIONS three individuals and two entities"}},
	{name: "181. the three governments stand for the states listed", text: "Canada, Australia and New Zealand accused Iran of hacking their ports. The three governments also called on Tehran to stop.",
		want: []string{"Canada DEMANDS Iran", "Australia DEMANDS Iran", "New Zealand DEMANDS Iran"}},
	{name: "182. the three countries said is no joint act", text: "Canada, Australia and New Zealand accused Iran of hacking their ports. The three countries said Iranian hackers had stolen data.",
		absent: []string{"Australia ACCUSES Iranian hackers", "Canada ACCUSES Iranian hackers"}},
	{name: "183. he continues the official who opened the last sentence", text: "Dutch Foreign Minister Anna Visser said the attacks were reckless, the minister said. Iran's Deputy Foreign Minister Reza Amini rejected the accusations as baseless. He warned that Tehran would treat any cyber operation against Iranian ports as an act of war.",
		want: []string{"Reza Amini THREATENS Netherlands"}, absent: []string{"Anna Visser THREATENS"}},
	{name: "184. a side warning what it will do threatens", text: "Canada accused Russia of hacking its grid. Russian Ambassador Oleg Petrov warned that Moscow would treat any further provocation as an act of aggression.",
		want: []string{"Oleg Petrov THREATENS Canada"}},
	{name: "185. the speaker of a relative who-clause", text: "Japan accused North Korea of stealing cryptocurrency. KCNA carried a statement by a North Korean foreign ministry spokesperson who called the accusations \"a vile smear\" cooked up by \"Japan and its masters\".",
		want: []string{"Ministry of Foreign Affairs of North Korea DENIES Japan"}, absent: []string{"North Korea DENIES Japan"}},
	{name: "186. a smear cooked up by its author", text: "Seoul and Tokyo accused Pyongyang of theft. North Korea called the accusations \"a smear campaign\" cooked up by \"the U.S. and its allies\".",
		want: []string{"North Korea DENIES United States"}},
	{name: "187. a judged claim's demonym is its author", text: "China says Indian hacking claims 'irresponsible'.",
		absent: []string{"China ACCUSES India"}},
	{name: "188. the work of a group is an attribution", text: "The Finnish security firm WithSecure said the intrusion was the work of UNC4221, a group linked to China.",
		want: []string{"WithSecure ACCUSES UNC4221"}},
	{name: "189. a headline's claims judged without a copula", text: "Finland accused Russia of jamming its airports. Kremlin says claims 'unfounded'.",
		want: []string{"Kremlin DENIES Finland"}},
	{name: "190. jumping to conclusions answers the accuser", text: "Vietnam said Chinese hackers had breached its ports. Chinese foreign ministry spokesman Li Wei said the Vietnamese side had \"jumped to conclusions\".",
		want: []string{"Li Wei DENIES Vietnam"}},
	{name: "191. the authorities in a capital are its state", text: "Norway's foreign minister called on the authorities in Minsk to release the journalists.",
		want: []string{"Norway DEMANDS Belarus"}},
	{name: "192. an office named before its holder", text: "The UN Special Rapporteur on freedom of expression on Monday condemned Belarus for hacking exiled journalists. Maria Lenz said the attacks were systematic.",
		want: []string{"Maria Lenz ACCUSES Belarus"}, absent: []string{"United Nations ACCUSES Belarus"}},
	{name: "193. a measure judged in a quoted phrase", text: "Japan sanctioned four Chinese firms on Monday. China's foreign ministry called the sanctions \"an act of unilateral bullying\".",
		want: []string{"Ministry of Foreign Affairs of China CRITICIZES Japan"}},
	{name: "194. said X was a hacker empire accuses it", text: "Chinese foreign ministry spokesman Li Wei said Washington was \"the biggest hacker empire in the world\".",
		want: []string{"Li Wei ACCUSES United States"}},
	{name: "195. will not tolerate criticizes", text: "Japan accused North Korea of stealing cryptocurrency. Japanese Chief Cabinet Secretary Ken Sato said Tokyo \"will not tolerate\" the thefts.",
		want: []string{"Ken Sato CRITICIZES North Korea"}},
	{name: "196. an ICT department is the state's communications ministry", text: "The Philippine Department of Information and Communications Technology accused Chinese hackers of attacking government websites.",
		want: []string{"Ministry of Communications of Philippines ACCUSES Chinese hackers"}},
	{name: "197. a name with particles is one person", text: "Saudi Arabia's interior minister, Abdulaziz bin Saud al-Faisal, said hackers based in Iran had attacked the oil ministry.",
		want: []string{"Abdulaziz bin Saud al-Faisal ACCUSES hackers based in Iran"}},
	{name: "198. a demonym places a role before a named apposition", text: "A Kenyan government spokesperson, Isaac Mwaura, accused Somalia of hacking the electoral commission.",
		want: []string{"Isaac Mwaura ACCUSES Somalia"}},
	{name: "199. blamed on X by Y", text: "The outage at the water utility was blamed on Iran by the Albanian government.",
		want: []string{"Albania ACCUSES Iran"}},
	{name: "200. according to a report released by an agency", text: "The intrusions were carried out by Sandworm, according to a report released by Poland's Ministry of Digital Affairs.",
		want: []string{"Ministry of Digital Affairs of Poland ACCUSES Sandworm"}},
	{name: "201. a unit of an agency known by its name", text: "Estonia said the breach was carried out by a unit of the GRU known as Unit 29155.",
		want: []string{"Estonia ACCUSES Unit 29155"}},
	{name: "203. a measure under consideration is no sanction", text: "The interior minister said Chile was considering expelling Peruvian diplomats.",
		absent: []string{"Chile SANCTIONS Peru"}},
	{name: "204. accused it of: the state named before the verb", text: "Chilean Foreign Minister Alberto van Klaveren told the United Nations that Bolivia had ignored the accord and accused it of hacking the customs service.",
		want: []string{"Alberto van Klaveren ACCUSES Bolivia"}, absent: []string{"Alberto van Klaveren ACCUSES United Nations"}},
	{name: "205. a capital opening the sentence places the official", text: "Cambodia accused Vietnam of spying on its ministries. In Hanoi, government spokesperson Pham Thu Hang rejected the allegations.",
		want: []string{"Pham Thu Hang DENIES Cambodia"}},
	{name: "206. rejection of demonym accusations", text: "Hanoi's rejection of Cambodian accusations came on Monday.",
		want: []string{"Vietnam DENIES Cambodia"}},
	{name: "207. asking a third party to investigate is no demand", text: "Senegal said it would ask the African Union to investigate the cyberattack.",
		absent: []string{"Senegal DEMANDS African Union"}},
	{name: "208. traced to servers in a state", text: "Bolivia's interior minister said the attack had been traced to servers located in Chile.",
		want: []string{"Bolivia ACCUSES Chile"}},
	{name: "209. a state's denial, then its ministry's spokesperson", text: "NEW DELHI, Aug 3 - India blamed Chinese hackers for the outage. Beijing's denial came within hours. Foreign ministry spokesperson Lin Jian called the Indian allegations groundless speculation.",
		want: []string{"Lin Jian DENIES India"}},
	{name: "210. a state's statement as subject is the state's", text: "Britain's statement blamed the GRU for the attacks.",
		want: []string{"United Kingdom ACCUSES GRU"}},
	{name: "211. a group it calls X", text: "Seoul said a group it calls SilverHorn had stolen the funds.",
		want: []string{"South Korea ACCUSES SilverHorn"}},
	{name: "212. should instead disarm demands", text: "Rwanda's spokesperson Yolande Makolo said Kinshasa should instead disarm the militia.",
		want: []string{"Yolande Makolo DEMANDS Democratic Republic of the Congo"}},
	{name: "213. expected X to rein in demands", text: "Egypt's foreign ministry said Cairo expected Addis Ababa to rein in the hackers.",
		want: []string{"Ministry of Foreign Affairs of Egypt DEMANDS Ethiopia"}},
	{name: "214. a capitalised Arabic article keeps the surname", text: "Oman's envoy, Salim al-Harthy, criticized Iran. Al-Harthy added that Tehran should stop the attacks.",
		want: []string{"Salim al-Harthy DEMANDS Iran"}},
	{name: "215. the one held to account is no speaker", text: "The sabotage was condemned by Estonia's prime minister, Kristen Michal, who said Moscow would be held responsible for reckless conduct.",
		want: []string{"Kristen Michal CRITICIZES Russia"}, absent: []string{"Russia CRITICIZES Estonia"}},
	{name: "216. a state sent its agents to act", text: "Dutch prosecutors said Moscow sent its intelligence officers to tamper with the vote count.",
		want: []string{"Prosecutors of Netherlands ACCUSES Russia"}},
	{name: "217. counted officers of the unit named before", text: "Estonia blamed Unit 29155 for the attacks. Two officers of the unit were sanctioned by Canada.",
		want: []string{"Canada SANCTIONS two officers of the unit"}},
	{name: "218. his demand: the person named just before", text: "Japan's foreign minister, Takeshi Iwaya, condemned the intrusions. His demand that Pyongyang halt its cyber operations drew no reply.",
		want: []string{"Takeshi Iwaya DEMANDS North Korea"}},
	{name: "219. a stance repeated by an official is the official's", text: "Pakistan blamed Indian hackers for the outage. Pakistan's condemnation of the attacks was repeated on Monday by Deputy Prime Minister Ishaq Dar.",
		want: []string{"Ishaq Dar CRITICIZES India"}},
	{name: "220. a long role before a named apposition", text: "Kenya accused Uganda of hacking its tax agency. Uganda's minister of state for foreign affairs at that time, Henry Oryem Okello, dismissed the claim as false.",
		want: []string{"Henry Oryem Okello DENIES Kenya"}},
	// round 8
	{name: "221. a standing denial 'in the past' answers no one", text: "Hungary accused Russia of hacking its foreign ministry. Russian officials have in the past denied that Moscow hacks foreign governments.",
		want: []string{"Russia DENIES -"}, absent: []string{"Russia DENIES Hungary"}},
	{name: "222. ordered the named to leave", text: "Norway on Friday ordered three Iranian diplomats to leave the country.",
		want: []string{"Norway SANCTIONS Iran"}},
	{name: "223. matching measures by coordinated states", text: "Britain sanctioned FSB officer Pavel Orlov on Monday. Canada and Japan announced matching measures against Orlov.",
		want: []string{"Canada SANCTIONS Pavel Orlov", "Japan SANCTIONS Pavel Orlov"}},
	{name: "224. a full name opening reported speech after 'that'", text: "Interior Minister Jan Novak told parliament that Viktor Sokolov had stolen the voter files.",
		want: []string{"Jan Novak ACCUSES Viktor Sokolov"}},
	{name: "225. a ministry inside an indefinite role before a named apposition", text: `Estonia accused Belarus of sabotage. Belarus's news agency quoted a foreign ministry spokesman, Pavel Miklash, as saying the claims were "fabricated".`,
		want: []string{"Pavel Miklash DENIES Estonia"}},
	{name: "226. culprits working together to destabilise", text: "Lithuanian Interior Minister Agne Bilotaite said Minsk and Moscow were working together to destabilise Lithuania.",
		want: []string{"Agne Bilotaite ACCUSES Belarus", "Agne Bilotaite ACCUSES Russia"}},
	{name: "227. added to a list of the penalised", text: "The State Department added Orion Cargo and its director, Sipho Dlamini, to a list of firms penalised for aiding Russia's war effort.",
		want: []string{"United States Department of State SANCTIONS Orion Cargo", "United States Department of State SANCTIONS Sipho Dlamini"}},
	{name: "228. a possessive role before a named apposition", text: "Britain sanctioned the firm and its chief executive, Lerato Khumalo, on Tuesday.",
		want: []string{"United Kingdom SANCTIONS Lerato Khumalo"}},
	{name: "229. the state in an unnamed object's charge is no target", text: "Pretoria criticised a decision by Washington to sanction a Durban-based shipping company accused of supplying parts to Iran's drone programme.",
		want: []string{"South Africa CRITICIZES United States"}, absent: []string{"South Africa SANCTIONS Iran", "United States SANCTIONS Iran"}},
	{name: "230. one foreigner sanctioned is no state", text: "Canada imposed sanctions on a Russian man it blamed for the breach.",
		want: []string{"Canada SANCTIONS Russian man"}, absent: []string{"Canada SANCTIONS Russia"}},
	{name: "231. counted officials of a body and 'the officials'", text: "Britain sanctioned five officials of Russia's FSB. The Foreign Office said the officials had hacked the email accounts of lawmakers.",
		want: []string{"Foreign, Commonwealth and Development Office ACCUSES five officials of Russia's FSB"}},
	{name: "232. a state's conduct called a threat to", text: `"Iran's cyber activities are a direct threat to our infrastructure," Israeli Defence Minister Yoav Gallant said.`,
		want: []string{"Yoav Gallant CRITICIZES Iran"}},
	{name: "233. the side said to have no evidence is the accuser", text: "The Chinese embassy in Ottawa said Canada had presented no evidence and rejected the report.",
		want: []string{"Embassy of China in Ottawa DENIES Canada"}},
	{name: "234. rights groups and South Africa's foreign ministry by name", text: "Amnesty International called on Vietnamese authorities to release the bloggers. Dirco criticised the US sanctions on Tuesday.",
		want: []string{"Amnesty International DEMANDS Vietnam", "Department of International Relations and Cooperation CRITICIZES United States"}},
	{name: "235. unilateral sanctions are judged, not imposed", text: `Namibia's foreign minister Peya Mushelenga said his country rejects "unilateral sanctions imposed outside the framework of the African Union".`,
		absent: []string{"Namibia SANCTIONS African Union", "Peya Mushelenga SANCTIONS African Union"}},
	{name: "236. closing another state's consulate, foreseen", text: "Latvian Prime Minister Evika Silina said Latvia would close the Russian consulate in Daugavpils if the sabotage continued.",
		want: []string{"Evika Silina THREATENS Russia"}},
	{name: "237. a company described by its state, named in the next sentence", text: "Iran dismissed a report by an American security company that tied a hacking group to the Revolutionary Guards. The report by Proofpoint said the group had targeted nuclear experts.",
		want: []string{"Iran DENIES Proofpoint"}, absent: []string{"Iran DENIES United States"}},
	{name: "238. a denial answers the accuser of a group tied to the denier's state", text: `Mandiant said a hacking group called Ocean Buffalo had breached car makers in Germany. It tied Ocean Buffalo to the Vietnamese government. "The allegations in the report are unfounded," Vietnam's foreign ministry spokeswoman Pham Thu Hang told reporters.`,
		want: []string{"Pham Thu Hang DENIES Mandiant"}},
	{name: "239. an unplaced official's report of the government's demand is the official's", text: `BRATISLAVA, May 2 (Wire) - Slovakia on Friday suspended talks with Hungary over the Danube dam after reports that Hungarian intelligence had hacked the computers of Slovak officials.
Foreign Minister Tomas Varga said the government had demanded "a full and transparent explanation" from Budapest and would not return to the table until it received one.`,
		want: []string{"Tomas Varga DEMANDS Hungary"}, absent: []string{"Slovakia DEMANDS Hungary"}},
	{name: "240. a placed official's report of the capital's request is the official's", text: "Slovakia's foreign minister Tomas Varga told reporters that Bratislava had asked Budapest to explain the intrusion.",
		want: []string{"Tomas Varga DEMANDS Hungary"}, absent: []string{"Slovakia DEMANDS Hungary"}},
	{name: "241. a body's member states are not the body", text: "Canada, Norway and Chile urged all U.N. member states to enforce the arms embargo on Sudan.",
		absent: []string{"Canada DEMANDS United Nations", "Chile DEMANDS United Nations"}},
	{name: "242. a group named only as so-called is disputed, not criticized", text: `OSLO - Justice Minister Emilie Mehl said a group called UNC4411 was attacking the country's fisheries ministry.
The Chinese side has never and will never support hacking activities, and the Embassy expressed its strong dissatisfaction with the association of China with the so-called UNC4411.`,
		absent: []string{"China CRITICIZES UNC4411", "Embassy of China CRITICIZES UNC4411"}},
	// round 9
	{name: "243. a wrong linked to its doer", text: "Lithuania's defence ministry linked a series of cyberattacks on the state railway to Russian military intelligence.",
		want: []string{"Ministry of Defence of Lithuania ACCUSES GRU"}},
	{name: "244. a link from the doer to the wrong; a participle names no linker", text: "Finnish Prime Minister Petteri Orpo told parliament there was credible evidence linking agents of the Russian government to the sabotage of the undersea cable. Researchers have tracked a group linked to Beijing for years.",
		want: []string{"Petteri Orpo ACCUSES Russia"}, absent: []string{"China"}},
	{name: "245. a denier's 'part of a campaign by X' criticizes X", text: "Hungary's foreign ministry rejected the Slovak accusations as baseless, saying they were part of a smear campaign by Bratislava.",
		want: []string{"Ministry of Foreign Affairs of Hungary DENIES Slovakia", "Ministry of Foreign Affairs of Hungary CRITICIZES Slovakia"}},
	{name: "246. the campaign in the denier's next sentence", text: "Vietnam's foreign ministry spokeswoman Pham Thu Hang rejected the report by the Philippine coast guard. She said the claims were part of a pattern of Philippine efforts to stir tension.",
		want: []string{"Pham Thu Hang CRITICIZES Philippines"}},
	{name: "247. a heading names who answers a Question/Answer comment", text: "Comment of the Head of the Press Department of the Ministry of Foreign Affairs of Kazakhstan Aibek Smadiyarov on the remarks of the Kyrgyz Foreign Ministry\n\nQuestion: How do you assess the remarks?\n\nAnswer: We reject the groundless claims of the Kyrgyz Foreign Ministry. We urge Bishkek to refrain from such statements.",
		want: []string{"Aibek Smadiyarov DENIES Ministry of Foreign Affairs of Kyrgyzstan", "Aibek Smadiyarov DEMANDS Kyrgyzstan"}},
	{name: "248. Federal and National open a body's name", text: "The Federal Criminal Intelligence Agency accused two Chinese nationals of hacking the tax authority. The National Cyber Crime Coordination Agency accused a Russian man of selling the data.",
		want: []string{"Federal Criminal Intelligence Agency ACCUSES two Chinese nationals", "National Cyber Crime Coordination Agency ACCUSES Russian man"}},
	{name: "249. the Foreign Office of an article that names no Britain", text: "ISLAMABAD - The Foreign Office condemned India on Thursday.",
		want: []string{"Ministry of Foreign Affairs of Pakistan CRITICIZES India"}, absent: []string{"Foreign, Commonwealth and Development Office"}},
	{name: "250. both sides as the object of a demand, both countries as subject", text: "Armenia accused Azerbaijan of shelling villages. The United Nations urged both sides to show restraint. Last year, both countries expelled each other's diplomats.",
		want: []string{"United Nations DEMANDS Armenia", "United Nations DEMANDS Azerbaijan", "Armenia SANCTIONS Azerbaijan", "Azerbaijan SANCTIONS Armenia"}},
	{name: "251. a role of fourteen words before a named apposition", text: "Kosovo accused Serbia of hacking. In Belgrade, the director of the Serbian government's Office for Kosovo and Metohija, Marko Djuric, rejected the accusation.",
		want: []string{"Marko Djuric DENIES Kosovo"}},
	{name: "252. fabrications coming from X deny X", text: `Kosovo accused Serbia of hacking. Serbia's prime minister said Belgrade was "sick of the fabrications coming from Pristina".`,
		want: []string{"Serbia DENIES Kosovo"}},
	{name: "253. a territorial claim accuses no one; a relative clause is not the subject", text: "China, which claims the island as part of its territory, has repeatedly denied hacking Taiwan.",
		want: []string{"China DENIES -"}, absent: []string{"China ACCUSES Taiwan", "Taiwan DENIES -"}},
	{name: "254. a ministry's second portfolio is part of its name", text: "New Zealand's Ministry of Foreign Affairs and Trade condemned the cyberattack by Chinese hackers. The Ministry of Foreign Affairs and the National Community Abroad of Algeria condemned Morocco.",
		want: []string{"Ministry of Foreign Affairs of New Zealand ACCUSES Chinese hackers", "Ministry of Foreign Affairs of Algeria CRITICIZES Morocco"}, absent: []string{"Community Abroad"}},
	{name: "255. expecting them to take action demands it of the side named before", text: `"We have passed the evidence to the Kabul authorities and we expect them to take firm action against the network," Pakistan's defence minister Khawaja Asif said.`,
		want: []string{"Khawaja Asif DEMANDS Afghanistan"}},
	{name: "256. named as responsible accuses, also in a relative clause", text: "Estonia named Unit 29155 as responsible for the attacks on its ministries. Britain sanctioned Unit 26165 of the GRU, the same unit that Germany named last year as responsible for hacking the Bundestag.",
		want: []string{"Estonia ACCUSES Unit 29155", "Germany ACCUSES Unit 26165"}},
	{name: "257. a hedged use of spyware is a reported wrong", text: "The Citizen Lab said Rwanda's government very likely uses spyware to monitor exiles in Belgium.",
		want: []string{"Citizen Lab ACCUSES Rwanda"}},
	{name: "258. a group as the by-agent of a generic deed; hacktivists; operating from X soil", text: "Lithuania said its ministries were repeatedly targeted by hacker groups operating from the territory of Belarus. Poland said pro-Russian hacktivists had attacked the websites of its airports. Pakistan said hackers operating from Afghan soil had carried out the intrusion.",
		want: []string{"Lithuania ACCUSES hacker groups operating from the territory of Belarus", "Poland ACCUSES pro-Russian hacktivists", "Pakistan ACCUSES hackers operating from Afghan soil"}},
	{name: "259. registering a case against charges", text: "Pakistani police registered a case against two Chinese nationals on Monday.",
		want: []string{"Police of Pakistan INDICTS two Chinese nationals"}},
	{name: "261. instead of blaming others rebukes", text: `Pakistan accused Kabul of sheltering militants. "Pakistan should look for the causes of its problems at home instead of blaming others," Afghan government spokesman Zabihullah Mujahid wrote.`,
		want: []string{"Zabihullah Mujahid CRITICIZES Pakistan"}},
	{name: "262. counted suspects with no state, charged as 'them' after an opener and a relative clause", text: "In a separate statement, Sri Lanka's Criminal Investigation Department, which handles cyber cases, said it had identified three suspects and had registered a case against them.",
		want: []string{"Criminal Investigation Department INDICTS three suspects"}},
	{name: "263. a naming clause gives a group its name: calling itself, it calls, known as after 'threat actor'", text: "Peru blamed an extortion gang calling itself the Andes Cyber Army for the outage. Proofpoint said a crew it calls Copper Heron had breached the ministry. The OSCE condemned the intrusions conducted by the threat actor known as Salt Marsh.",
		want: []string{"Peru ACCUSES Andes Cyber Army", "Proofpoint ACCUSES Copper Heron", "Organization for Security and Co-operation in Europe ACCUSES Salt Marsh"}},
	{name: "264. deploying wiper malware and encrypting servers are wrongs", text: "ESET said a group known as Sandworm had deployed destructive \"wiper\" malware against Polish logistics firms. Chile said a gang it calls Vortice had encrypted the servers of its courts.",
		want: []string{"ESET ACCUSES Sandworm", "Chile ACCUSES Vortice"}},
	{name: "265. a 'said:' line hands the word to the next paragraph's quote, which goes on past its first sentence", text: "Britain sanctioned four Russian hackers on Friday.\n\nSecurity Minister Tom Ashby said:\n\n\"These people attacked our schools for money. Russia lets them work in the open, and we call on Moscow to hand them over.\"",
		want: []string{"Tom Ashby DEMANDS Russia"}},
	{name: "266. opposing a side's declaration or report denies its author", text: "The EU condemned the intrusions conducted by a group known as Salt Marsh.\n\nChina's mission to the EU said it firmly opposed the EU declaration, calling the accusations groundless.",
		want: []string{"Mission of China to the European Union DENIES European Union"}, absent: []string{"Mission of China to the European Union DENIES -", "Mission of China to the European Union CRITICIZES European Union"}},
	{name: "267. a full name opening a sentence before 'who' or an apposition that a speech verb closes is a person", text: "Lucia Fernanda Ortega, who heads the agency, blamed Venezuela for the attack. Pedro Ruiz Salgado, director of the national police, said Caracas was responsible.",
		want: []string{"Lucia Fernanda Ortega ACCUSES Venezuela"}},
	{name: "268. a numbered list of designations after 'designated today are:'", text: "Canada imposed sanctions on Tuesday on the Krait ransomware gang and three of its members.\n\nThe persons designated today are:\n\n1. Igor Pavlovich Danilin, who ran the crew's payment servers.\n\n2. Oksana Yurievna Mertsalova, who recruited affiliates.\n\nThe designations freeze any assets they hold in Canada.",
		want: []string{"Canada SANCTIONS Igor Pavlovich Danilin", "Canada SANCTIONS Oksana Yurievna Mertsalova"}},
	{name: "269. an actor after ', and' with its own past-tense verb is no object", text: "Britain imposed sanctions on five members of Krait, a ransomware group.\n\nThe Treasury's Office of Foreign Assets Control designated the same five individuals today, and Norway imposed targeted financial sanctions and travel bans on them.",
		want: []string{"United Kingdom SANCTIONS Krait"}, absent: []string{"Office of Foreign Assets Control SANCTIONS Norway"}},
	{name: "270. an office named for the post it serves is an agency", text: "ACCRA - The Office of the National Cyber Security Adviser accused Russia of hacking the electoral commission.",
		want: []string{"Office of the National Cyber Security Adviser ACCUSES Russia"}},
	{name: "271. a state's military authorities are the state", text: "Mali accused Algeria of sheltering hackers. Algeria's military authorities dismissed the claims on Friday.",
		want: []string{"Algeria DENIES Mali"}},
	{name: "272. an honorific stays out of a name, a Gulf family name stays in", text: "Kuwait's Interior Minister Sheikh Fahad bin Yousef Al Sabah said Iran had hacked the ministry's servers.",
		want: []string{"Fahad bin Yousef Al Sabah ACCUSES Iran"}, absent: []string{"Al Sabah ACCUSES Iran"}},
	{name: "273. a headline's 'points finger at' without the article accuses", text: "Ghana points finger at Togo over bank outages, the minister said on Monday.",
		want: []string{"Ghana ACCUSES Togo"}},
	{name: "274. a comment printed as prose under its heading is the commenter's", text: "Comment of the Head of the Press Department of the Ministry of Foreign Affairs of Uzbekistan Dilshod Rakhimov on the remarks of the Tajik Foreign Ministry about hacked border registries\n\nWe reject the groundless claims of the Tajik Foreign Ministry.\n\nWe urge Dushanbe to refrain from statements that harm the talks.",
		want: []string{"Dilshod Rakhimov DENIES Ministry of Foreign Affairs of Tajikistan", "Dilshod Rakhimov DEMANDS Tajikistan"}},
	{name: "275. a wire dateline 'City, AGENCY -' is no subject and no list", text: "Tehran, IRNA - Iran's foreign ministry has rejected accusations by the Bahraini government that hackers attacked its airports.",
		want: []string{"Ministry of Foreign Affairs of Iran DENIES Bahrain"}, absent: []string{"Islamic Republic News Agency"}},
	{name: "276. a researcher noting a state's accusation reports it, and the relative denial answers the state", text: "\"The quarrel is about leverage,\" said Farah Nasser, a Gulf security researcher. She noted that Qatar has for years accused the UAE of hacking its news agency, charges Abu Dhabi has always denied.",
		want: []string{"Qatar ACCUSES United Arab Emirates", "United Arab Emirates DENIES Qatar"}, absent: []string{"Farah Nasser ACCUSES United Arab Emirates", "United Arab Emirates DENIES -"}},
	{name: "277. a declaration's 'we' is the body it is made on behalf of", text: "Cyber-Attacks Against Moldova: Declaration by the High Representative on Behalf of the EU\n\n1. We urge Russia to stop its malicious cyber activities against the Republic of Moldova.",
		want: []string{"European Union DEMANDS Russia"}},
	{name: "278. warning that it would strike a side's property threatens that side", text: "Ghana blamed a group calling itself the Volta Cyber Army for the outage. On its Telegram channel, the Volta Cyber Army warned that it would strike Ghana's power grid next.",
		want: []string{"Volta Cyber Army THREATENS Ghana"}},
	{name: "279. 'the Department of <portfolio>' names a body and refers to no ministry named before", text: "JAKARTA - Indonesia's foreign ministry said talks would resume. In 2024 the Department of Information and Communications Technology blamed hackers based in Vietnam for intrusions into government websites.",
		want: []string{"Department of Information and Communications Technology ACCUSES hackers based in Vietnam"}, absent: []string{"Ministry of Foreign Affairs of Indonesia ACCUSES hackers based in Vietnam"}},
	{name: "280. 'instead of blaming' said by the sentence's subject; 'had no link whatsoever' denies", text: "Peru accused Bolivia of hosting the servers. Bolivian Foreign Minister Rosa Quispe rejected the remark and said Peru should look after its own networks instead of blaming its neighbour. Bolivia's interior minister, Marco Vargas, said La Paz had no link whatsoever with any hacker group.",
		want: []string{"Rosa Quispe CRITICIZES Peru", "Bolivia DENIES Peru"}},
	{name: "281. hackers said to receive a sponsor's funding or protection accuse the sponsor", text: "ABUJA - The Office of the National Security Adviser said the hackers received funding and protection from elements of the military government in Chad.",
		want: []string{"Office of the National Security Adviser ACCUSES Chad"}},
	{name: "282. an apposition 'a group responsible for attacks' is the subject's accusation", text: "Canada has today imposed sanctions on three members of Grey Otter, a Russian-speaking extortion group responsible for attacks that shut down hospital laboratories.",
		want: []string{"Canada ACCUSES Grey Otter"}},
	{name: "260. a known name inside a longer body's name is that body", text: "Georgia's State Security Service accused Russia of hacking the election commission. Kenya's National Security Council condemned the attack by Somali hackers.",
		want: []string{"State Security Service ACCUSES Russia", "National Security Council ACCUSES Somali hackers"}, absent: []string{"Security Service ACCUSES Russia", "United Kingdom", "United States"}},
	{name: "283. condemning an attack whose doer was named before criticizes the doer", text: "Estonia's cyber agency said Russian hackers had broken into the ministry's mail servers. Foreign Minister Anna Kask condemned the intrusion.",
		want: []string{"Anna Kask CRITICIZES Russia"}, absent: []string{"Anna Kask ACCUSES Russia"}},
	{name: "283b. condemning what one calls an attack, its doer named before, criticizes the doer", text: "ROME - Italy's cyber agency said a hacker group linked to Russian intelligence had tried to disrupt the railway network. Foreign Minister Marco Bellini condemned what he called \"intolerable attacks on our infrastructure\".",
		want: []string{"Marco Bellini CRITICIZES Russia"}, absent: []string{"Marco Bellini ACCUSES Russia"}},
	{name: "287. a hyphenated Western given name is part of the person's name", text: "Foreign Minister Jean-Noel Marchand condemned Russia. Interior Minister Hans-Peter Vogel said Russian hackers had breached the network.",
		want: []string{"Jean-Noel Marchand CRITICIZES Russia", "Hans-Peter Vogel ACCUSES Russian hackers"}},
	{name: "288. a quoted verdict on the deed ('This ... campaign is unacceptable') criticizes its doer", text: "Prague blamed Chinese hackers for the breach. \"This malicious campaign is unacceptable,\" Foreign Minister Jan Dvorak said.",
		want: []string{"Jan Dvorak CRITICIZES China"}},
	{name: "288b. 'This is a clear provocation', 'the thefts were a threat to' criticize the doer", text: "Seoul blamed North Korean hackers for the heist. \"This is a clear provocation,\" spokesperson Park Min-su told a briefing. Ambassador Lee Sun-hee said the thefts were \"a direct threat to international peace\".",
		want: []string{"Park Min-su CRITICIZES North Korea", "Lee Sun-hee CRITICIZES North Korea"}},
	{name: "289. a hostile actor said to act for a sponsor accuses the sponsor ('worked on behalf of', 'acting for', 'on X's orders')", text: "Oman's interior ministry blamed a group it called \"Red Lynx\" and said the intruders worked on behalf of Iran's Revolutionary Guard Corps. Tirana said a group acting for Iran's intelligence ministry had carried out the attack. Warsaw said Belarus had acted \"on Moscow's orders\".",
		want: []string{"Ministry of the Interior of Oman ACCUSES Islamic Revolutionary Guard Corps", "Albania ACCUSES Intelligence services of Iran", "Poland ACCUSES Russia", "Poland ACCUSES Belarus"}},
	{name: "289b. a group said to act for a state lends the state to a later verdict on its deeds", text: "Tokyo police said a group known as Grey Crane had hacked the space agency. It said the group was highly likely acting on behalf of China. Chief Cabinet Secretary Ken Mori said the attacks were \"a threat to our national security\".",
		want: []string{"Ken Mori CRITICIZES China"}, absent: []string{"Ken Mori CRITICIZES Grey Crane"}},
	{name: "290. 'both men' continues the people named before", text: "A federal grand jury charged two Iranian nationals with extortion. The Treasury Department's Office of Foreign Assets Control designated both men on Tuesday.",
		want: []string{"Office of Foreign Assets Control SANCTIONS two Iranian nationals"}},
	{name: "291. a body's head named in apposition after a quote speaks, not the body", text: "Israel's National Cyber Directorate said on Monday it had foiled attacks. \"Iran is waging a cyber war against our hospitals,\" the directorate's head, Dan Levi, told a conference.",
		want: []string{"Dan Levi ACCUSES Iran"}, absent: []string{"Israel National Cyber Directorate ACCUSES Iran"}},
	{name: "285. 'the (same) group' and 'the workers' continue the group named before", text: "Britain's NCSC blamed a group known as Amber Fox for the breach. Germany's domestic intelligence agency said the same group had targeted German companies. Seoul blamed North Korean IT workers for the thefts. South Korea's foreign ministry said the workers had stolen cryptocurrency.",
		want: []string{"Intelligence services of Germany ACCUSES Amber Fox", "Ministry of Foreign Affairs of South Korea ACCUSES North Korean IT workers"}},
	{name: "286. a gang's threat with no victim named threatens no state", text: "Ireland blamed a ransomware gang calling itself Grey Heron for the hospital outage. The group stole patient files and threatened to publish the records unless a ransom was paid.",
		absent: []string{"Grey Heron THREATENS Ireland"}},
}

// TestRoundNineEntities checks entity readings of round 9 that statement
// triples do not show: an incident's name stops at a question mark or a
// parenthesis, and a social network posted on is no actor.
func TestRoundNineEntities(t *testing.T) {
	r := Extract(Document{Body: `Question: How do you view the cyberattacks against Latvian state bodies? Answer: Riga condemned the theft of about 3 million euros (about $3.3 million) from the treasury. "Moscow is behind this," the minister wrote on Facebook.`, Published: published}, WithMinConfidence(0))
	for _, e := range r.Entities {
		if e.Type == "INCIDENT" && strings.ContainsAny(e.Name, "?()") {
			t.Errorf("incident name %q runs over punctuation", e.Name)
		}
		if e.Name == "Meta" {
			t.Errorf("the network posted on is listed as an actor")
		}
	}
}

// TestHeadlineDenial checks that a headline's denial with no accuser of its
// own answers the side the body names as accusing (rule 202).
func TestHeadlineDenial(t *testing.T) {
	doc := Document{
		Title:     "Election servers breached in Kenya; Addis Ababa calls claim baseless",
		Body:      "NAIROBI - Kenya accused Ethiopia on Friday of hacking the servers of its electoral commission.",
		Published: published,
	}
	got := triples(Extract(doc, WithMinConfidence(0)))
	if !contains(got, "Ethiopia DENIES Kenya") || contains(got, "Ethiopia DENIES -") {
		t.Errorf("headline denial: got %q, want Ethiopia DENIES Kenya and no accuser-less denial", got)
	}
}

// TestStanceEcho checks that a stance an official states for the state is
// coded for the official alone, while a state's act in the perfect keeps the
// state's reading.
func TestStanceEcho(t *testing.T) {
	got := triples(Extract(Document{Body: "Chinese embassy spokesman Liu Pengyu said China firmly opposes the US sanctions.", Published: published}))
	if !contains(got, "Liu Pengyu CRITICIZES United States") || contains(got, "China CRITICIZES United States") {
		t.Errorf("stance: got %q", got)
	}
	got = triples(Extract(Document{Body: "The US accused Beijing of hacking. Chinese spokesman Lin Jian said China has repeatedly rejected US accusations.", Published: published}))
	if !contains(got, "China DENIES United States") {
		t.Errorf("perfect: got %q", got)
	}
}

// TestStatementEndsAreEntities checks that every speaker, target and incident
// a statement names is among the result's entities.
func TestStatementEndsAreEntities(t *testing.T) {
	for _, c := range ruleCases {
		r := Extract(Document{Body: c.text, Published: published}, WithMinConfidence(0))
		names := map[string]bool{}
		for _, e := range r.Entities {
			names[e.Name] = true
		}
		for _, st := range r.Statements {
			if !names[st.Speaker] || st.Target != nil && !names[*st.Target] || st.Incident != nil && !names[*st.Incident] {
				t.Errorf("%s: %s names an entity the result does not list", c.name, triple(st))
			}
		}
		for _, e := range r.Entities {
			if e.Affiliation != "" && !names[e.Affiliation] {
				t.Errorf("%s: %s has unlisted affiliation %q", c.name, e.Name, e.Affiliation)
			}
		}
	}
}

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			if c.skip != "" {
				t.Skip("known gap: " + c.skip)
			}
			r := Extract(Document{Body: c.text, Published: published}, WithMinConfidence(0))
			got := triples(r)
			for _, w := range c.want {
				if !contains(got, w) {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, x := range c.absent {
				for _, g := range got {
					if x != "" && (g == x || strings.Contains(g, " "+x+" ")) {
						t.Errorf("unexpected %q; got %q", g, got)
					}
				}
			}
		})
	}
}

// TestConfidentReadings checks readings that must clear the default
// confidence threshold, not only be found.
func TestConfidentReadings(t *testing.T) {
	cases := []struct{ text, want string }{
		{`Germany accused China of hacking. The Chinese embassy in Berlin said it "firmly rejects" the groundless accusations.`,
			"Embassy of China in Berlin DENIES Germany"},
		{`The EU condemned the attack. The Chinese embassy in Prague said it firmly rejects the Czech accusations.`,
			"Embassy of China in Prague DENIES Czech Republic"},
		{`"The government categorically denies any involvement in actions against Chile," Argentina's foreign ministry said.`,
			"Ministry of Foreign Affairs of Argentina DENIES Chile"},
		{`The United States expelled ten Russian diplomats on Monday. "Such hostile steps will undoubtedly trigger a resolute retaliation," Russian foreign ministry spokeswoman Maria Zakharova said.`,
			"Maria Zakharova THREATENS United States"},
		// 284. a vowed response answers the side whose measure the article
		// reports, also when an unplaced minister of the dateline's state took it
		{`VILNIUS, March 3 - Foreign Minister Ona Petraite announced the expulsion of a Belarusian consul. The Belarusian embassy said it would respond to the expulsion in kind.`,
			"Embassy of Belarus THREATENS Lithuania"},
		{`Latvia expelled two Belarusian diplomats on Monday. The Belarusian embassy in Riga said it would respond to the expulsion in kind.`,
			"Embassy of Belarus in Riga THREATENS Latvia"},
	}
	for _, c := range cases {
		got := triples(Extract(Document{Body: c.text, Published: published}))
		if !contains(got, c.want) {
			t.Errorf("%q: missing %q; got %q", c.text, c.want, got)
		}
	}
}
