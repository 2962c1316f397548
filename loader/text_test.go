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
			title: "Valdoria accuses Freedonia of troop build-up", published: "2021-07-20", pub: "Reuters", paragraphs: 2,
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
			name:  "guard: a sentence with a date and 'updated' is body text",
			text:  "Valdoria accuses Freedonia of troop build-up\n\nOn March 4, 2025 the ministry updated its guidance on border crossings.\n\n" + body1 + "\n\n" + body2,
			title: "Valdoria accuses Freedonia of troop build-up", paragraphs: 3,
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
			a := parseOne(t, tc.text)
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if got := publishedDay(a); got != tc.published {
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
			a := parseOne(t, text)
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if got := publishedDay(a); got != tc.published {
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

// TestPublishedStyles covers the timestamp and dateline styles news sites
// print, each on a small made-up page. Each case fails without the rule its
// name gives.
func TestPublishedStyles(t *testing.T) {
	const title = "Valdoria accuses Freedonia of troop build-up"
	const body1 = "Valdoria accused Freedonia on Monday of massing troops on the border, a charge Freedonia denied."
	const body2 = "The foreign ministry said it had summoned the Freedonian ambassador to explain the deployments."
	tests := []struct {
		name, text, published, pub string
	}{
		{
			name:      "clock time before the date",
			text:      title + "\n\nBy Ana Ruiz, Kolt Wire\n\nPublished 3:14 PM EST, Tue March 4, 2025\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "dotted clock time after a weekday date",
			text:      title + "\n\nTue 4 Mar 2025 14.10 GMT\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "first published wins over the unlabelled last change",
			text:      title + "\n\nTue 4 Mar 2025 14.10 GMT\n\nFirst published on Mon 3 Mar 2025 22.00 GMT\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-03",
		},
		{
			name:      "published wins over an earlier updated line",
			text:      title + "\n\nUpdated: 05 Mar 2025 09:00 GMT\n\nPublished: 04 Mar 2025 14:10 GMT\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "last modified is a stamp label",
			text:      title + "\n\nLast modified on 4 March 2025, 14:10 UTC\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "updated stamp glued to the published one",
			text:      title + "\n\nPublished March 4, 2025Updated March 5, 2025, 9:00 a.m. ET\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "relative update glued to the stamp",
			text:      title + "\n\nBy Ana Ruiz\n\nMarch 4, 2025 11:14 PM GMT+8Updated 2 hours ago\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "byline glued to the date",
			text:      title + "\n\nMar 04, 2025Ana RuizBorder Security / Diplomacy\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "date in the byline",
			text:      title + "\n\nBy Ana Ruiz | March 4, 2025\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "all-number date spelled out on the same line",
			text:      title + "\n\n03/04/2025 March 4, 2025\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "weekday-first stamp with a share button glued after it",
			text:      title + "\n\nTue 4 Mar 2025 09.00 GMT Share\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name:      "guard: a headline glued to the date stays the title",
			text:      "March 4, 2025" + title + "\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04",
		},
		{
			name: "guard: a relative time is no date",
			text: title + "\n\nUpdated 2 hours ago\n\n" + body1 + "\n\n" + body2,
		},
		{
			name:      "dateline without a year takes the year of another date",
			text:      title + "\n\nKOLT, March 4 (Reuters) - " + body1 + "\n\nThe ministry first raised the matter on Feb. 27, 2025, in a note to the council.\n\n" + body2,
			published: "2025-03-04", pub: "Reuters",
		},
		{
			name:      "dateline without a year across the new year",
			text:      title + "\n\nKOLT, Jan. 2 (Reuters) - " + body1 + "\n\nThe ministry first raised the matter on December 28, 2024, in a note to the council.\n\n" + body2,
			published: "2025-01-02", pub: "Reuters",
		},
		{
			name:      "dateline without a year prefers the year of a timestamp line",
			text:      title + "\n\nKOLT, March 4 (Reuters) - " + body1 + "\n\nThe ministry first raised the matter on Feb. 27, 2019, in a note to the council.\n\n" + body2 + "\n\nYou may like\n\nUpdated March 6, 2025",
			published: "2025-03-04", pub: "Reuters",
		},
		{
			name: "guard: a dateline without a year and no other date gives no date",
			text: title + "\n\nKOLT, March 4 (Reuters) - " + body1 + "\n\n" + body2,
			pub:  "Reuters",
		},
		{
			name:      "agency dateline with the date line after the body",
			text:      title + "\n\nKOLT, Valdoria (AP) — " + body1 + "\n\n" + body2 + "\n\nMarch 4, 2025\n\nThe ministry said more talks were planned for the coming weeks, without giving dates.",
			published: "2025-03-04", pub: "Associated Press",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFrame(t, tc.text, title, tc.published, tc.pub) })
	}
}

// TestPublishedNumericAndPublisher covers all-number dates, read only when
// the page or its outlet makes the order clear, and the publisher named in
// the page frame. Each case fails without the rule its name gives.
func TestPublishedNumericAndPublisher(t *testing.T) {
	const title = "Valdoria accuses Freedonia of troop build-up"
	const body1 = "Valdoria accused Freedonia on Monday of massing troops on the border, a charge Freedonia denied."
	const body2 = "The foreign ministry said it had summoned the Freedonian ambassador to explain the deployments."
	tests := []struct {
		name, text, published, pub string
	}{
		{
			name:      "day-first outlet from the title suffix",
			text:      title + " - France 24\n\nIssued on: 04/03/2025 - 14:10 Modified: 04/03/2025 - 16:20\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04", pub: "France 24",
		},
		{
			name:      "month-first outlet from the copyright line",
			text:      title + "\n\n04/03/2025\n\n" + body1 + "\n\n" + body2 + "\n\nCopyright 2025 The Associated Press. All Rights Reserved.",
			published: "2025-04-03", pub: "Associated Press",
		},
		{
			name:      "order from another date on the page",
			text:      title + "\n\nPublished 04/03/2025\n\n" + body1 + "\n\n" + body2 + "\n\nPhoto: archive, 17/02/2025",
			published: "2025-03-04",
		},
		{
			name:      "guard: a date that reads only one way",
			text:      title + "\n\n03/21/2025\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-21",
		},
		{
			name: "guard: an ambiguous date without an order gives no date",
			text: title + "\n\n04/03/2025\n\n" + body1 + "\n\n" + body2,
		},
		{
			name:      "source line with time and editor",
			text:      title + "\n\n" + body1 + "\n\n" + body2 + "\n\nSource: Xinhua| 2025-03-04 14:10:00|Editor: Li Wen",
			published: "2025-03-04", pub: "Xinhua",
		},
		{
			name:      "agency in a metadata line",
			text:      title + "\n\nPTI | Kolt | Updated: 04-03-2025 14:10 IST\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04", pub: "Press Trust of India",
		},
		{
			name: "known outlet first in a source line",
			text: title + "\n\n" + body1 + "\n\n" + body2 + "\n\nSource: Al Jazeera and news agencies",
			pub:  "Al Jazeera",
		},
		{
			name:      "outlet in a stamp line",
			text:      title + "\n\nMar 4, 2025 | KYODO NEWS\n\n" + body1 + "\n\n" + body2,
			published: "2025-03-04", pub: "Kyodo News",
		},
		{
			name: "outlet domain in the title suffix",
			text: title + " | therecord.media\n\n" + body1 + "\n\n" + body2,
			pub:  "The Record",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFrame(t, tc.text, title, tc.published, tc.pub) })
	}
}

// TestPublishedFixtures reads whole made-up pages whose headers print
// several stamps: the first publication is the date, whatever the order.
func TestPublishedFixtures(t *testing.T) {
	tests := []struct{ file, title, published, pub string }{
		{"scraped_stamps_firstpublished.txt", "Freedonia recalls envoy as Valdoria expels two diplomats over radar jamming", "2025-03-03", ""},
		{"scraped_stamps_wire.txt", "Valdoria charges three Freedonian officers over hack of election commission", "2025-03-04", "Associated Press"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, err := Parse("-", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if got := a.Published.Format(time.DateOnly); a.Published.IsZero() || got != tc.published {
				t.Errorf("published = %v, want %s", a.Published, tc.published)
			}
			if a.Publisher != tc.pub {
				t.Errorf("publisher = %q, want %q", a.Publisher, tc.pub)
			}
			if len(a.Paragraphs) < 3 {
				t.Errorf("%d paragraphs, want the body: %q", len(a.Paragraphs), a.Paragraphs)
			}
		})
	}
}

// checkFrame parses text as a page and checks the title, the publication day
// (YYYY-MM-DD, "" for none) and the publisher found in it.
func checkFrame(t *testing.T, text, title, published, pub string) {
	t.Helper()
	a := parseOne(t, text)
	if got := publishedDay(a); got != published {
		t.Errorf("published = %q, want %q", got, published)
	}
	if a.Publisher != pub {
		t.Errorf("publisher = %q, want %q", a.Publisher, pub)
	}
	if a.Title != title {
		t.Errorf("title = %q, want %q", a.Title, title)
	}
}

// parseOne parses text as one page.
func parseOne(t *testing.T, text string) Article {
	t.Helper()
	arts, err := Parse("-", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts[0]
}

// publishedDay is the article's publication day (YYYY-MM-DD), or "".
func publishedDay(a Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.DateOnly)
}

// TestCommentHeadingKept checks that a ministry's "Comment of the <role> of
// <ministry> <Name> on ..." heading, printed as one long line with no final
// period above its Question/Answer turns, reaches the extractor as the title
// or as a paragraph in every page shape: it is the only place the commenter
// is named.
func TestCommentHeadingKept(t *testing.T) {
	const heading = "Comment of the Head of the Press Department of the Ministry of Foreign Affairs of Valdoria Ilse Marent on the remarks of the Freedonian Foreign Ministry concerning alleged intrusions into Freedonian state registries and the border talks"
	const q = "Question: How do you assess the remarks of the Freedonian Foreign Ministry about the intrusions?"
	const ans = "Answer: We reject the groundless claims of the Freedonian Foreign Ministry. We urge Freedonia to refrain from statements that harm the talks."
	shapes := map[string]string{
		"heading alone on the first line": heading + "\n\n" + q + "\n\n" + ans,
		"single newlines":                 heading + "\n" + q + "\n" + ans,
		"site name and menu above":        "Ministry of Foreign Affairs of Valdoria\n\nHome | Ministry | Press service\n\n" + heading + "\n\n" + q + "\n\n" + ans,
		"numbered, with a timestamp":      "No:42/26, " + heading + "\n\n14 March 2026, 11:20\n\n" + q + "\n\n" + ans,
		"answers in prose":                heading + "\n\nWe reject the groundless claims of the Freedonian Foreign Ministry.\n\nWe urge Freedonia to refrain from statements that harm the talks.",
		"shorter heading":                 "Comment of the Spokesperson of the Ministry of Foreign Affairs of Valdoria Ilse Marent on Freedonian claims\n\n" + q + "\n\n" + ans,
	}
	for name, text := range shapes {
		t.Run(name, func(t *testing.T) {
			res := parseText(text)
			found := strings.Contains(res.Title, "Ilse Marent")
			for _, p := range res.Paragraphs {
				found = found || strings.Contains(p, "Comment of the") && strings.Contains(p, "Ilse Marent")
			}
			if !found {
				t.Errorf("heading lost: title %q, paragraphs %q", res.Title, res.Paragraphs)
			}
			if len(res.Paragraphs) < 2 {
				t.Errorf("answers lost: %q", res.Paragraphs)
			}
		})
	}
}
