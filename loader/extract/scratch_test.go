package extract
import ("fmt";"testing")
func TestScratch(t *testing.T) {
	body := `The United States, the United Kingdom, Canada, Australia and New Zealand on Monday jointly accused Russia's Federal Security Service of running a years-long hacking campaign.

In a joint statement, the five governments said the FSB's Center 16 had targeted critical infrastructure in dozens of countries.

The Russian embassy in Washington called the accusations "unfounded" and said Moscow "does not conduct offensive operations in cyberspace."

Kremlin spokesman Dmitry Peskov said Russia would respond to any new sanctions. "This is another attempt to demonize our country," Peskov told reporters.

Separately, the Dutch government expelled two Russian diplomats and summoned the Russian ambassador.`
	r := Extract(Document{Title: "Five Eyes accuse Russia's FSB of global hacking campaign", Body: body})
	for _, e := range r.Entities {
		fmt.Printf("E %s (%s) <%s> %v %s\n", e.Name, e.Type, e.Affiliation, e.Aliases, e.Country)
	}
	for _, st := range r.Statements {
		fmt.Println("S", triple(st), st.Confidence, "|", st.Evidence[:min(60, len(st.Evidence))])
	}
}
