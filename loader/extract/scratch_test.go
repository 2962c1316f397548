package extract

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, txt := range []string{
		"The US Treasury sanctioned Wuhan Xiaoruizhi Science and Technology Company and two Chinese nationals, Zhao Guangzong and Ni Gaobin.",
		"The UK and US accused China-backed hacking group APT31 of targeting lawmakers.",
		"China's embassy in London called the accusations completely fabricated.",
		"Chinese Foreign Ministry spokesman Lin Jian urged the UK to stop politicizing cybersecurity issues.",
		"The Justice Department also charged seven Chinese nationals with conspiracy to commit computer intrusions.",
		"Britain summoned China's ambassador on Monday.",
		"The Netherlands attributed the attack to Russia's GRU.",
		"Germany blamed Russian military intelligence for the 2015 hack of the Bundestag.",
		"Beijing dismissed the report as a smear.",
		"Moscow has denied any involvement.",
	} {
		r := Extract(Document{Body: txt, Published: published}, WithMinConfidence(0))
		fmt.Println(txt)
		for _, e := range r.Entities {
			fmt.Printf("    E %s (%s) <%s>\n", e.Name, e.Type, e.Affiliation)
		}
		for _, st := range r.Statements {
			fmt.Println("   ", triple(st), st.Confidence)
		}
	}
}
