package extract

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, txt := range []string{
		"Chinese Foreign Ministry spokesperson Mao Ning said China firmly opposes the groundless accusation and has lodged stern representations with the US side.",
		"Moscow dismissed the allegations as Russophobic hysteria.",
		"The foreign ministry in Beijing described the report as pure fabrication.",
		"Washington has long accused Beijing of stealing intellectual property.",
		"Tehran blamed Israel for the explosion at the Natanz facility.",
		"The Australian government joined the US and UK in attributing the Microsoft Exchange hack to China's Ministry of State Security.",
		"Russia's ambassador to the US, Anatoly Antonov, called the sanctions unfriendly.",
		"NATO allies condemned Russia's malicious cyber activities.",
		"North Korea has denied involvement in the Sony hack.",
		"The EU called on Russia to stop its malicious behavior in cyberspace.",
		"Japanese officials said the hackers were likely linked to China.",
		"Iran rejected the claims, saying they were baseless.",
		"France's foreign minister summoned the Russian ambassador.",
		"The Chinese embassy in Washington said the US accusations were smears.",
		"Britain's National Cyber Security Centre said Russia's GRU was almost certainly behind the attacks.",
		"Beijing warned that it would take firm countermeasures if Washington went ahead with the sanctions.",
		"German Chancellor Olaf Scholz urged China to use its influence on Russia.",
		"In a statement, the State Department said it was imposing visa restrictions on 14 Chinese officials.",
	} {
		r := Extract(Document{Body: txt, Published: published})
		fmt.Println(txt)
		for _, st := range r.Statements {
			fmt.Println("   ", triple(st), st.Confidence)
		}
	}
}
