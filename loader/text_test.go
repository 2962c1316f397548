package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestParseTextShapes covers page shapes seen in scraped news, each written
// here as a small made-up page.
func TestParseTextShapes(t *testing.T) {
	const body1 = "Valdoria accused Freedonia on Monday of massing troops on the border, a charge Freedonia denied."
	const body2 = "The foreign ministry said it had summoned the Freedonian ambassador to explain the deployments."
	tests := []struct {
		name, text            string
		title, published, pub string
		lang                  string
		paragraphs            int
		absent                []string
	}{
		{
			name:  "title, deck, byline, dated line",
			text:  "Valdoria accuses Freedonia of troop build-up\n\nThe two neighbours have traded accusations for weeks as talks on the border stalled again\n\nBy Maria Lopez and Tom Ngata, Wire Staff\n\nPublished: July 20, 2021 10:30 AM EDT\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", published: "2021-07-20", paragraphs: 3,
			absent: []string{"By Maria", "Published:"},
		},
		{
			name:  "weekday date line and outlet suffix",
			text:  "Valdoria accuses Freedonia of troop build-up - Reuters\nTuesday, July 20, 2021\n" + body1 + "\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", published: "2021-07-20", paragraphs: 2,
		},
		{
			name:  "caption and subheading inside the body",
			text:  "Valdoria accuses Freedonia of troop build-up\n\n" + body1 + "\n\nFreedonian soldiers near the border crossing at Kolt\n\nA long history of disputes\n\n" + body2 + "\n\nImage source, Getty Images\n",
			title: "Valdoria accuses Freedonia of troop build-up", paragraphs: 2,
			absent: []string{"soldiers near the border", "A long history", "Getty"},
		},
		{
			name:  "labelled date lines",
			text:  "Valdoria accuses Freedonia of troop build-up\nPublished On 20.07.2021\nLast Updated : Jul 21, 2021, 02:15 PM IST\n" + body1 + "\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", published: "2021-07-20", paragraphs: 2,
		},
		{
			name:  "footer date only",
			text:  "Valdoria accuses Freedonia of troop build-up\n\n" + body1 + "\n\n" + body2 + "\n\nAll news articles on 2021-07-20\n\nYou may like\n",
			title: "Valdoria accuses Freedonia of troop build-up", published: "2021-07-20", paragraphs: 2,
		},
		{
			name: "link box inside the article",
			text: "Valdoria accuses Freedonia of troop build-up\n\n" + body1 + "\n\nMost read\n1. Kolt river floods again\n2. Harvest festival draws crowds\n\n" + body2 +
				"\n\nFreedonia's defence ministry rejected the claim as baseless and said its units were on a routine exercise.\n\nRead more\n\nValdoria and Freedonia sign fishing accord\n\n" +
				"Talks between the two capitals are due to resume next month in a neutral venue, officials said.\n\n© Kolt Valley Herald 2021\n\nThe information on this page is provided by the publisher and may change without notice at any time.",
			title: "Valdoria accuses Freedonia of troop build-up", paragraphs: 4,
			absent: []string{"Most read", "Kolt river", "Harvest", "fishing accord", "publisher"},
		},
		{
			name:  "link boxes in the footer still end the article",
			text:  "Valdoria accuses Freedonia of troop build-up\n\n" + body1 + "\n\n" + body2 + "\n\nYou may like\n\nKolt river floods again as rains continue across the valley for a third straight week, officials say.\n\nMost read\n\n1. Harvest festival draws crowds\n\n© Kolt Valley Herald 2021",
			title: "Valdoria accuses Freedonia of troop build-up", paragraphs: 2,
			absent: []string{"Kolt river", "Harvest"},
		},
		{
			name:       "no title at all",
			text:       body1 + "\n" + body2,
			paragraphs: 2,
		},
		{
			name:  "short sentences kept",
			text:  "Valdoria accuses Freedonia of troop build-up\n\n" + body1 + "\n\nFreedonia declined comment.\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", paragraphs: 3,
		},
		{
			name:      "dateline with agency and date",
			text:      "WASHINGTON, July 20, 2021 (Wire Service) - " + body1 + "\n\n" + body2,
			published: "2021-07-20", pub: "Wire Service", paragraphs: 2,
		},
		{
			name:       "event date in the first sentence is not the publication date",
			text:       "On July 20, 2021, Valdoria (the smaller of the two states) accused Freedonia of massing troops on the border.\n\n" + body2,
			paragraphs: 2,
		},
		{
			name:  "date glued to the title line",
			text:  " date 2021-07-20 Valdoria accuses Freedonia of troop build-up and says talks are off: ministry\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up and says talks are off: ministry", published: "2021-07-20", paragraphs: 2,
		},
		{
			name:  "title glued to the first word of the body",
			text:  "Valdoria Accuses Freedonia Of Troop Build-Up Vs. UNValdoria accused Freedonia on Monday of massing troops on the border, a charge Freedonia denied.\n" + body2,
			title: "Valdoria Accuses Freedonia Of Troop Build-Up Vs. UN", paragraphs: 2,
		},
		{
			name:       "sentence case text is not split",
			text:       "The UN Security Council met on Monday as Valdoria accused Freedonia of massing troops on the border.\n" + body2,
			paragraphs: 2,
		},
		{
			name:  "cookie and subscription notices",
			text:  "We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies and our privacy terms.\n\nValdoria accuses Freedonia of troop build-up\n\n" + body1 + "\n\nAlready a subscriber? Sign in to continue reading this story and get full access.\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", paragraphs: 2,
			absent: []string{"cookies", "subscriber"},
		},
		{
			name:  "headline ending in an abbreviation",
			text:  "Valdoria rejects sanctions threat from the U.S.\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria rejects sanctions threat from the U.S.", paragraphs: 2,
		},
		{
			name:  "unknown outlet suffix",
			text:  "Valdoria rejects sanctions threat | The Kolt Valley Herald\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria rejects sanctions threat", paragraphs: 2,
		},
		{
			name:  "dash inside a title is kept",
			text:  "Valdoria to Freedonia - 'You will not succeed'\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria to Freedonia - 'You will not succeed'", paragraphs: 2,
		},
		{
			name:  "chinese page",
			text:  "外交部回应美方指责 称毫无根据\n外交部发言人周一表示,美方的指责毫无根据,中方一贯反对一切形式的网络攻击。\n发言人还说,美方应停止散布虚假信息。",
			title: "外交部回应美方指责 称毫无根据", lang: "zh", paragraphs: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := Parse("-", []byte(tc.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.published {
				t.Errorf("published = %q, want %q", got, tc.published)
			}
			if a.Publisher != tc.pub {
				t.Errorf("publisher = %q, want %q", a.Publisher, tc.pub)
			}
			if lang := tc.lang; a.Language != lang && !(lang == "" && a.Language == "en") {
				t.Errorf("language = %q, want %q", a.Language, lang)
			}
			if len(a.Paragraphs) != tc.paragraphs {
				t.Errorf("%d paragraphs, want %d: %q", len(a.Paragraphs), tc.paragraphs, a.Paragraphs)
			}
			for _, s := range tc.absent {
				if strings.Contains(a.Body(), s) {
					t.Errorf("body holds %q", s)
				}
			}
		})
	}
}

// TestTitleChoice covers the rules that find the headline on pages that
// open with navigation, print a long headline or end with footer lines.
// Each case fails without the rule its name gives.
func TestTitleChoice(t *testing.T) {
	const body1 = "Valdoria accused Freedonia on Monday of massing troops on the border, a charge Freedonia denied."
	const body2 = "The foreign ministry said it had summoned the Freedonian ambassador to explain the deployments."
	tests := []struct {
		name, file, text string
		title, published string
		absent           []string
	}{
		{
			name:  "page title echoed as the headline after navigation",
			file:  "scraped_title_echo.txt",
			title: "Border monitoring: Council extends mission of observers along the Kolt river for another twelve months", published: "2025-04-14",
			absent: []string{"Skip to content", "Press office", "Share:"},
		},
		{
			name:  "headline between a section and a site name",
			file:  "scraped_pipes_title.txt",
			title: "Three Freedonian Nationals Charged With Selling Radar Secrets",
		},
		{
			name:   "long headline under a breadcrumb, footer list after the text",
			file:   "scraped_long_headline.txt",
			title:  "Observers say Freedonia jammed Valdorian border radars for a week; Kolt calls the report 'a fabrication'",
			absent: []string{"Home >", "min read", "Harvest festival", "Comments"},
		},
		{
			name:  "long headline right above a dateline",
			text:  "Valdoria and Freedonia trade accusations at the regional council over border radar jamming; Ruritania urges calm\n\nKOLT, May 14 (Wire Service) - " + body1 + "\n\n" + body2,
			title: "Valdoria and Freedonia trade accusations at the regional council over border radar jamming; Ruritania urges calm",
		},
		{
			name: "two sentences without a final stop are no headline",
			text: "Valdoria accused Freedonia on Monday of massing troops on the border. The charge was denied by the ministry in the capital on Tuesday\n\n" + body1 + "\n\n" + body2,
		},
		{
			name:  "timestamp with a clock time is no headline",
			text:  "Valdoria accuses Freedonia of troop build-up\nUpdated 9:40 a.m. ET, Friday\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up",
		},
		{
			name:  "section names are no headline",
			text:  "Valdoria accuses Freedonia of troop build-up\n\nWorld · Europe · Politics · Business · Video\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up",
		},
		{
			name:  "headline right above the byline",
			text:  "Valdoria accuses Freedonia of troop build-up\n\nBy Ana Ruiz\n\nFreedonian tanks seen near the Kolt crossing on Monday\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up",
		},
		{
			name:  "timestamp under the byline is not joined to it",
			text:  "Valdoria accuses Freedonia of troop build-up\n\nBy Ana Ruiz, Diplomatic Correspondent in Kolt\nMarch 3, 2025 4:12 PM UTC Updated ago\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", published: "2025-03-03",
		},
		{
			name:   "footer line is no headline",
			text:   body1 + "\n\n" + body2 + "\n\nPress office - Valdorian Ministry of Foreign Affairs",
			absent: []string{"Press office"},
		},
		{
			name: "labelled topic list is no headline",
			text: body1 + "\n\n" + body2 + "\n\nTopic: Diplomacy | Border Security",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			if tc.file != "" {
				data, err := os.ReadFile(filepath.Join("testdata", tc.file))
				if err != nil {
					t.Fatal(err)
				}
				text = string(data)
			}
			arts, err := Parse("-", []byte(text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.published {
				t.Errorf("published = %q, want %q", got, tc.published)
			}
			if len(a.Paragraphs) < 2 {
				t.Errorf("%d paragraphs, want the body: %q", len(a.Paragraphs), a.Paragraphs)
			}
			for _, p := range a.Paragraphs {
				if tc.title != "" && alnumKey(p) == alnumKey(tc.title) {
					t.Errorf("headline kept as a body paragraph")
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(a.Body(), s) {
					t.Errorf("body holds %q", s)
				}
			}
		})
	}
}
