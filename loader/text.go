package loader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Scraped page text is the visible text of a news page as a scraper saved it:
// navigation, a site name and tagline, the title, a timestamp line, a teaser
// that repeats the start of the body, the body with "More information" link
// lists in it, a "Source: <outlet>" line and footer blocks ("You may like",
// "Trends 24h", "Latest", "©"). Plain text is the same without the frame. One
// parser handles both with general rules about the shape of lines, never
// about a particular site:
//
//   - a paragraph is body-like when it is long (15+ words) or a sentence
//     (8+ words ending in . … : or ;);
//   - the body starts at the first body-like paragraph; the lines above it are
//     the header, where the title is the last headline-like line (3–25 words,
//     capitalised, not a sentence, preferring 5+ words), or the headline-like
//     line right above a byline, and the timestamp is a line holding a date;
//   - a page-title line among the first lines ("Headline - Site", "Section |
//     Headline") that the page prints again before any body text makes that
//     second line the title and ends the header there; a first body-like line
//     that is a long headline (15–25 words, one clause, no sentence end)
//     followed by body text is header, not body;
//   - navigation lines (section names between bars or dots), timestamps
//     ("Updated 9:40 a.m. ET") and bylines are never the title;
//   - when the header holds no title, a headline-like line after the last
//     body paragraph is taken (pages that print the headline below the text),
//     never a footer line ("Press office ...", "Topic: A | B", "©");
//   - footer markers cut the rest; link-list headings drop the list under them;
//     captions, credits, bylines, metadata lines and short non-sentences are
//     dropped from the body;
//   - a paragraph whose text reappears in the paragraphs after it (the teaser)
//     is dropped; a teaser that starts with a standfirst keeps that
//     standfirst, once;
//   - a timestamp glued before the title (" date 2018-12-21 Title") and a
//     Title-Case headline glued to the body's first word ("... Vs. USChina
//     has ...") are split off first; a title loses a trailing outlet name
//     ("Title | The Valdoria Herald", "Title - Reuters") and the short
//     section and site names around it ("Section | Title | Site");
//   - the date is the header's timestamp (of several, "Published" / "First
//     published" over an unlabelled one over "Updated" / "Last modified"),
//     else a date in a metadata or byline line or a "Source:" line, else the
//     dateline's ("BEIJING (Agency - 21st December, 2020)"), else a
//     timestamp line among the paragraphs, else a dateline's day without a
//     year ("WASHINGTON, March 4 (Reuters) -") in the year of another date
//     on the page, else the footer's "All news articles on <date>";
//     relative times ("2 hours ago") are never dates, and an all-number date
//     ("04/03/2025") is read only when the page or its outlet makes the
//     order clear;
//   - the publisher is the "Source:" line's outlet, else the dateline's
//     agency ("LONDON (Reuters)", "KYIV, Ukraine (AP) —"), else a known
//     outlet in the page frame: a title suffix ("Title | Al Jazeera"), a
//     metadata line ("PTI | Delhi | Updated: ...") or the copyright line.

// textResult is what parseText finds in a page text.
type textResult struct {
	Title      string
	Published  time.Time
	Publisher  string
	Paragraphs []string
}

var (
	rxBullet      = regexp.MustCompile(`^\s*[•·*▪►‣◦–—-]\s*`)
	rxBreadcrumb  = regexp.MustCompile(`\s+[>»›]\s+`)
	rxLabelPrefix = regexp.MustCompile(`^[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\s]+[:：]\s*`)
	rxSourceLine  = regexp.MustCompile(`(?i)^(?:source|sources|via)\s*[:：]\s*(\S.{0,60})$`)
	rxDateLabel   = regexp.MustCompile(`(?i)^\s*(?:(?:date|dated|published|posted|updated|last updated|first published|originally published|last modified|modified|issued|created|on)\b\s*[:：]?\s*)*`)
	rxDatelineAg  = regexp.MustCompile(`^\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\.?)?(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\(([^()]{2,80})\)\s*(?:[-–—:]|[A-Z])`)
	rxSlashAgency = regexp.MustCompile(`^[^\n]{0,60}?/([A-Z][A-Za-z-]{1,15})/`)
	rxMetaLabel   = regexp.MustCompile(`(?i)\b(?:updated|created|published|posted)\s*:`)
	rxTimeTokens  = regexp.MustCompile(`\d{1,2}:\d{2}(?::\d{2})?|(?i:\b[ap]\.?m\.?)|\b[A-Z]{2,4}\b|[,|·•/()–—-]`)
	rxArticlesOn  = regexp.MustCompile(`(?i)^all (?:news )?(?:articles|stories|news) (?:on|from|of)\s+(.+)$`)
	rxByline      = regexp.MustCompile(`^(?:By|BY|Written by|Posted by|Author:|Reporter:)\s+\p{Lu}`)
	rxSiteNotice  = regexp.MustCompile(`(?:we|this (?:web)?site|our (?:web)?site|this page) uses? cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|(?:enable|turn on) javascript|javascript is (?:disabled|required)|(?:update|upgrade) your browser|to continue reading|already a subscriber|subscribe to (?:read|continue)|this (?:article|content) is (?:for|only available to) subscribers`)
	rxCreditLine  = regexp.MustCompile(`(?i)^\(?\s*(?:reporting|writing|editing|additional reporting|compiled|translated)\s+by\b`)
)

// footerStarts are lines (lower-cased, trimmed) at or after which a page holds
// nothing of the article any more.
var footerStarts = []string{
	"you may like", "you may also like", "trends 24h", "latest", "latest news",
	"most read", "most popular", "recommended for you", "popular now",
	"all news articles on", "©", "copyright ©", "copyright (c)", "back to top",
	"the information on this site is from external sources",
	"share this article", "leave a comment", "comments",
}

// linkBlockStarts are the footer markers that head a box of links, which
// some pages print inside the article rather than after it.
var linkBlockStarts = []string{
	"you may like", "you may also like", "trends 24h", "latest", "latest news",
	"most read", "most popular", "recommended for you", "popular now",
}

// listHeadings introduce lists of links (related stories) inside or after the
// body; the heading and the list items under it are dropped.
var listHeadings = []string{
	"more information", "related", "related articles", "related stories",
	"related news", "related content", "read more", "read also", "see also",
	"also read", "more on this", "more on this story", "more stories",
	"recommended", "recommended stories", "top stories", "相关文章", "相关新闻",
	"reference(s)", "references", "related topics", "more from this section",
}

// boilerPrefixes start lines that are captions, credits or page furniture.
var boilerPrefixes = []string{
	"photo:", "photo credit", "photos:", "image:", "picture:", "credit:",
	"file photo", "advertisement", "- advertisement", "©", "copyright",
	"all rights reserved", "follow us", "sign up", "subscribe", "click here",
	"read also:", "read more:", "also read:", "see also:", "related:",
	"share this", "share on", "skip to", "toggle navigation",
	"image source", "image caption", "media caption", "getty images", "story continues",
	"continue reading", "listen to this article", "tags:", "topics:", "filed under",
	"reading time", "min read", "newsletter", "get the latest", "download the app",
}

// parseText reads scraped page text or plain text.
func parseText(text string) textResult {
	paras := splitParagraphs(text)
	var res textResult

	// Lines that carry the publisher; they are dropped from the body
	// wherever they are. Some also carry the time and the editor
	// ("Source: Xinhua| 2025-03-04 14:10:00|Editor: Li").
	var sourceDate time.Time
	for i, p := range paras {
		if m := rxSourceLine.FindStringSubmatch(p); m != nil && len(strings.Fields(m[1])) <= 6 {
			name := m[1]
			if j := strings.IndexAny(name, "|│"); j > 0 {
				name = name[:j]
				if t, _, ok := findDate(m[1][j:]); ok && sourceDate.IsZero() {
					sourceDate = t
				}
			}
			res.Publisher = sourceOutlet(strings.TrimRight(strings.TrimSpace(name), " ."))
			paras[i] = ""
		}
	}

	pagePub := res.Publisher
	if pagePub == "" {
		pagePub = framePublisher(paras)
	}
	paras = resolveNumericDates(paras, numericOrder(paras, pagePub))
	paras = splitLeadingDate(paras)
	paras = splitGluedTitle(paras)

	// A page-title line at the top that the page prints again as its
	// headline ends the header at the headline; otherwise a first
	// body-like line that is a long headline (15+ words, no sentence
	// end) followed by body text belongs to the header.
	echo := titleEcho(paras)
	bodyStart, passed := -1, false
	for i := echo + 1; i < len(paras); i++ {
		if p := paras[i]; p != "" && isBodyLike(p) {
			if echo < 0 && !passed && isLongHeadline(p) && bodyFollows(paras[i+1:]) {
				passed = true
				continue
			}
			bodyStart = i
			break
		}
	}
	if bodyStart < 0 {
		return fragmentText(paras, res)
	}

	// A site frame puts the timestamp line under the title: a short
	// sentence-like line above a nearby timestamp (a tagline) is header.
	if wordCount(paras[bodyStart]) < 15 {
		for j := bodyStart + 1; j < len(paras) && j <= bodyStart+4; j++ {
			if _, ok := dateLine(paras[j]); ok {
				for k := j + 1; k < len(paras); k++ {
					if paras[k] != "" && isBodyLike(paras[k]) {
						bodyStart = k
						break
					}
				}
				break
			}
			if paras[j] != "" && isBodyLike(paras[j]) {
				break
			}
		}
	}

	// Footer: the first footer marker after the body start ends the article.
	// A footer line may still date the article ("All news articles on <date>").
	// A link block ("Most read", "You may like") that article prose follows is
	// a box inside the article: it is dropped like a related-links list.
	end := len(paras)
	midBlock := make(map[int]bool)
	for i := bodyStart + 1; i < len(paras); i++ {
		if isFooterStart(paras[i]) {
			if isLinkBlockStart(paras[i]) && proseFollows(paras[i+1:]) {
				midBlock[i] = true
				continue
			}
			end = i
			break
		}
	}
	var footerDate time.Time
	for _, p := range paras[end:] {
		if m := rxArticlesOn.FindStringSubmatch(p); m != nil {
			if t, err := ParseDate(m[1]); err == nil {
				footerDate = t
				break
			}
		}
	}

	var deck string
	res.Title, deck = headerTitle(paras[:bodyStart])
	if echo >= 0 {
		res.Title, deck = cleanTitle(paras[echo]), ""
	}
	res.Published = headerDate(paras[:bodyStart])
	if res.Published.IsZero() {
		res.Published = sourceDate
	}

	// Body paragraphs, and lines after the last of them that may be a
	// headline printed below the text.
	var body, tail []string
	var bodyDate time.Time
	bodyRank := 99
	inList := false
	if deck != "" {
		body = append(body, deck)
	}
	for i := bodyStart; i < end; i++ {
		p := paras[i]
		if p == "" {
			continue
		}
		if isListHeading(p) || midBlock[i] {
			inList = true
			continue
		}
		bullet := rxBullet.MatchString(p)
		if inList {
			if bullet || !isBodyLike(p) {
				continue
			}
			inList = false
		}
		if isBoiler(p) || isMetaLine(p) {
			if res.Published.IsZero() && isMetaLine(p) {
				if t, _, ok := findDate(p); ok {
					res.Published = t
				}
			}
			continue
		}
		if t, ok := dateLine(p); ok {
			if r := stampRank(p); !t.IsZero() && r < bodyRank {
				bodyDate, bodyRank = t, r // a timestamp line printed among the paragraphs
			}
			continue
		}
		if bullet {
			p = strings.TrimSpace(rxBullet.ReplaceAllString(p, ""))
		}
		if !isBodyLike(p) && (wordCount(p) <= 2 || !endsSentence(p)) {
			// Captions, subheadings, bylines, navigation, tags, cut-off
			// captions: not sentences of the article.
			tail = append(tail, p)
			continue
		}
		body = append(body, p)
		tail = tail[:0]
	}
	// Pages that print the headline after the text.
	if res.Title == "" {
		for _, p := range tail {
			if t := cleanTitle(p); isHeadlineLike(t) && wordCount(t) >= 5 && !isFooterLike(p) && !strings.Contains(t, " | ") {
				res.Title = t
				break
			}
		}
	}
	res.Paragraphs = dropRepeats(withoutTitle(body, res.Title))

	for i, p := range res.Paragraphs {
		if i == 2 {
			break
		}
		if res.Published.IsZero() && i == 0 {
			if t, ok := datelineDate(p); ok {
				res.Published = t
			}
		}
		if res.Publisher == "" {
			res.Publisher = datelinePublisher(p)
		}
	}
	if res.Published.IsZero() {
		res.Published = bodyDate
	}
	if res.Publisher == "" {
		res.Publisher = pagePub
	}
	if res.Published.IsZero() && len(res.Paragraphs) > 0 {
		res.Published = yearlessDateline(res.Paragraphs[0], paras)
	}
	if res.Published.IsZero() {
		res.Published = footerDate
	}
	return res
}

// rxDatelineDay matches a dateline that gives the day without the year:
// "WASHINGTON, March 4 (Reuters) -", "MOSCOW, March 4. /TASS/.",
// "KOLT, Valdoria, Oct. 5 --".
var rxDatelineDay = regexp.MustCompile(`^\s*\p{Lu}[\pL .'’-]{1,40}?,\s*(?:\p{Lu}[\pL.'’ -]{1,30},\s*)?(` + monthNames + `)\s+(\d{1,2})\b\.?\s*(?:\(|/|[-–—])`)

// yearlessDateline dates an article by its dateline's day ("WASHINGTON,
// March 4 (Reuters) -") in the year of another full date on the page (a
// timestamp line first, else a date in the text), the year that puts the
// day nearest to that date. Without another date it
// gives nothing: a guessed year would be wrong as often as right.
func yearlessDateline(first string, paras []string) time.Time {
	m := rxDatelineDay.FindStringSubmatch(first)
	if m == nil {
		return time.Time{}
	}
	// A timestamp line anywhere on the page is the best reference; a date
	// in the text (often an earlier event's) the fallback.
	var ref time.Time
	for _, p := range paras {
		if t, ok := dateLine(p); ok && !t.IsZero() {
			ref = t
			break
		}
	}
	for _, p := range paras {
		if !ref.IsZero() {
			break
		}
		if t, _, ok := findDate(p); ok {
			ref = t
		}
	}
	if ref.IsZero() {
		return time.Time{}
	}
	var best time.Time
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t, err := time.Parse("January 2 2006", strings.TrimSuffix(m[1], ".")+" "+m[2]+" "+strconv.Itoa(y))
		if err != nil {
			if t, err = time.Parse("Jan 2 2006", strings.TrimSuffix(m[1], ".")[:3]+" "+m[2]+" "+strconv.Itoa(y)); err != nil {
				return time.Time{}
			}
		}
		if best.IsZero() || absDur(t.Sub(ref)) < absDur(best.Sub(ref)) {
			best = t
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// fragmentText handles text without a single sentence-like paragraph: it
// keeps what is not furniture; a first headline-like line followed by more
// text is the title.
func fragmentText(paras []string, res textResult) textResult {
	var kept []string
	for _, p := range paras {
		if p == "" || isBoiler(p) || isFooterStart(p) || isListHeading(p) || isMetaLine(p) {
			continue
		}
		if n := wordCount(p); n < 5 && !(n >= 3 && endsSentence(p)) {
			continue // navigation, labels
		}
		if _, ok := dateLine(p); !ok {
			kept = append(kept, p)
		}
	}
	if len(kept) > 1 && isHeadlineLike(cleanTitle(kept[0])) {
		res.Title = cleanTitle(kept[0])
		kept = kept[1:]
	}
	res.Paragraphs = dropRepeats(kept)
	res.Published = headerDate(paras)
	return res
}

// headerTitle picks the title among the header lines (those above the body):
// the last headline-like line, preferring lines of 5+ words. When that line
// is long (12+ words) and right under a shorter headline-like line, it is the
// standfirst under the title: the title is the line above and the standfirst
// is returned as deck, to open the body.
func headerTitle(header []string) (title, deck string) {
	idx := -1
	for _, minWords := range []int{5, 3} {
		for i := len(header) - 1; i >= 0; i-- {
			if t := cleanTitle(header[i]); header[i] != "" && isHeadlineLike(t) && wordCount(t) >= minWords {
				idx = i
				break
			}
		}
		if idx >= 0 {
			break
		}
	}
	if b := bylineAt(header); b > 0 {
		// The headline sits right above the byline.
		for j := b - 1; j >= 0; j-- {
			if header[j] == "" {
				continue
			}
			if t := cleanTitle(header[j]); isHeadlineLike(t) {
				idx = j
			}
			break
		}
	}
	if idx < 0 {
		return "", ""
	}
	t := cleanTitle(header[idx])
	if n := wordCount(t); n >= 12 {
		for j := idx - 1; j >= 0; j-- {
			if header[j] == "" {
				continue
			}
			if pt := cleanTitle(header[j]); isHeadlineLike(pt) && wordCount(pt) >= 3 && wordCount(pt) < n {
				return pt, header[idx]
			}
			break
		}
	}
	return t, ""
}

// splitLeadingDate splits a timestamp glued to the start of one of the first
// lines (" date 2018-12-21 Title of the story") into a line of its own.
func splitLeadingDate(paras []string) []string {
	for i := 0; i < len(paras) && i < 3; i++ {
		p := paras[i]
		if _, ok := dateLine(p); ok {
			return paras
		}
		rest := rxDateLabel.ReplaceAllString(p, "")
		_, m, ok := findDate(rest)
		if !ok || m[0] > 0 || wordCount(rest[m[1]:]) <= 3 {
			continue
		}
		label := p[:len(p)-len(rest)]
		next, _ := utf8.DecodeRuneInString(strings.TrimSpace(rest[m[1]:]))
		if strings.EqualFold(strings.TrimSpace(label), "on") || !(unicode.IsUpper(next) || unicode.IsDigit(next)) {
			continue // "On July 20, 2021, the ministry ...": a sentence
		}
		out := make([]string, 0, len(paras)+1)
		out = append(out, paras[:i]...)
		out = append(out, strings.TrimSpace(label+rest[:m[1]]), strings.TrimSpace(rest[m[1]:]))
		return append(out, paras[i+1:]...)
	}
	return paras
}

// rxGlued finds a capitalised title run glued to the first word of the text
// after it ("... Yarn Vs. USChina has dismissed"): an upper-case word end
// directly followed by a capitalised word.
var rxGlued = regexp.MustCompile(`^((?:[\p{Lu}\d][\pL\d'’.:,-]*\s+(?:(?:a|an|the|of|to|in|on|for|and|or|vs\.?|with|at|by|as|over|from)\s+)*){2,20}[\p{Lu}\d][\pL\d'’.-]*?[\p{Lu}\d.])(\p{Lu}\p{Ll}+\s)`)

// splitGluedTitle splits a Title-Case headline that the scraper glued to the
// body's first word ("China Denies Spying Claims Vs. USChina has said ...")
// when the text holds no title line of its own.
func splitGluedTitle(paras []string) []string {
	for i := 0; i < len(paras) && i < 3; i++ {
		p := paras[i]
		if _, ok := dateLine(p); ok || p == "" {
			continue
		}
		if !isBodyLike(p) {
			return paras // a title line of its own comes first
		}
		m := rxGlued.FindStringSubmatchIndex(p)
		if m == nil {
			return paras
		}
		title, rest := p[:m[3]], p[m[3]:]
		if wordCount(title) < 4 || wordCount(rest) < 8 {
			return paras
		}
		out := make([]string, 0, len(paras)+1)
		out = append(out, paras[:i]...)
		out = append(out, title, rest)
		return append(out, paras[i+1:]...)
	}
	return paras
}

// splitParagraphs splits text into trimmed paragraphs: every non-blank line is
// one, except blocks of hard-wrapped lines, which are joined.
func splitParagraphs(text string) []string {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = strings.ReplaceAll(text, "\u2028", "\n")
	text = strings.ReplaceAll(text, "\u2029", "\n\n")
	var paras, block []string
	flush := func() {
		if len(block) == 0 {
			return
		}
		if hardWrapped(block) {
			paras = append(paras, strings.Join(block, " "))
		} else {
			paras = append(paras, block...)
		}
		block = block[:0]
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return paras
}

// hardWrapped reports whether a block's lines are one paragraph wrapped at a
// fixed width (plain-text e-mail style) rather than one paragraph each.
func hardWrapped(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	open := 0
	last := utf8.RuneCountInString(lines[len(lines)-1])
	maxW := 0
	for i, l := range lines {
		if _, ok := dateLine(l); (ok || rxStampLabel.MatchString(l)) && i > 0 {
			return false // a timestamp under a title or byline is a line of its own
		}
	}
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		if n < 40 || n > 100 || rxBullet.MatchString(l) || strings.Contains(l, " | ") {
			return false
		}
		maxW = max(maxW, n)
		if !endsSentence(l) {
			open++
		}
	}
	return last <= maxW+5 && !rxBullet.MatchString(lines[len(lines)-1]) && open*2 >= len(lines)-1
}

// headerDate finds the timestamp line in the header paragraphs. Of several,
// the first publication wins over an update: a line labelled "Published" or
// "First published" over an unlabelled one, and both over "Updated" or
// "Last modified".
func headerDate(paras []string) time.Time {
	var best time.Time
	bestRank := 99
	for _, p := range paras {
		if t, ok := dateLine(p); ok && !t.IsZero() {
			if r := stampRank(p); r < bestRank {
				best, bestRank = t, r
			}
		}
	}
	if !best.IsZero() {
		return best
	}
	for _, p := range paras {
		if isMetaLine(p) || (rxByline.MatchString(p) && wordCount(p) <= 20) {
			// "ANI | Kolt | Updated: ...", "By Ana Ruiz | March 4, 2025"
			if t, _, ok := findDate(p); ok {
				return t
			}
		}
	}
	return time.Time{}
}

var (
	rxFirstLabel  = regexp.MustCompile(`(?i)^\s*(?:first published|originally published|published|posted|issued|created)\b`)
	rxUpdateLabel = regexp.MustCompile(`(?i)^\s*(?:last updated|updated|last modified|modified)\b`)
	// rxGluedUpdate finds a second stamp glued to the first one by the
	// scraper: "Published March 4, 2025Updated March 5, 2025, 9:00 a.m. ET".
	rxGluedUpdate = regexp.MustCompile(`(?i)[\d\s](?:\s*[|·•])?\s*(?:last updated|updated|last modified|modified)\b`)
)

// rxInnerGlue finds two words glued together by a scraper ("RuizCyber").
var rxInnerGlue = regexp.MustCompile(`\p{Ll}\p{Lu}\p{Ll}`)

// rxWeekdayName is a weekday name or abbreviation opening a timestamp.
var rxWeekdayName = regexp.MustCompile(`(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+`)

// stampRank orders timestamp lines by how surely they give the first
// publication: 0 for "Published", 1 unlabelled, 2 for "Updated".
func stampRank(p string) int {
	switch {
	case rxFirstLabel.MatchString(p):
		return 0
	case rxUpdateLabel.MatchString(p):
		return 2
	}
	return 1
}

// dateLine reports whether p is a timestamp line: an optional label, a date,
// and at most three more words (navigation glued to it by the scraper), or a
// second, glued "Updated" stamp.
func dateLine(p string) (time.Time, bool) {
	if wordCount(p) > 24 {
		return time.Time{}, false
	}
	if m := rxGluedUpdate.FindStringIndex(p); m != nil && m[0] > 0 && !rxUpdateLabel.MatchString(p) {
		if p[m[0]] != ' ' {
			m[0]++ // a digit: the end of the first stamp
		}
		first := rxWeekdayName.ReplaceAllString(rxDateLabel.ReplaceAllString(p[:m[0]], ""), "")
		if t, d, ok := findDate(first); ok && d[0] == 0 && wordCount(rxTimeTokens.ReplaceAllString(first[d[1]:], " ")) == 0 {
			// The first stamp is a date and a time only; the update may be
			// relative ("Updated 2 hours ago"): only its label is needed.
			if tt, ok := dateLine(p[:m[0]]); ok && wordCount(p[m[0]:]) <= 12 {
				if tt.IsZero() {
					tt = t
				}
				return tt, true
			}
		}
	}
	if wordCount(p) > 10 {
		return time.Time{}, false
	}
	rest := rxDateLabel.ReplaceAllString(p, "")
	if w := rxWeekdayName.ReplaceAllString(rest, ""); w != rest {
		rest = w // "Tue 4 Mar 2025 09.00 GMT"
	}
	if m := rxNumDate.FindStringSubmatchIndex(rest); m != nil && m[0] == 0 {
		// An all-number date whose order the page does not make clear
		// (resolveNumericDates rewrote the others): a timestamp line, but
		// no date unless the line spells it out too ("03/04/2025 March 4,
		// 2025").
		if _, ok := dateLine(rest[m[6]:m[7]] + "-01-01" + rest[m[1]:]); ok {
			if t, _, ok := findDate(rest[m[1]:]); ok {
				return t, true
			}
			return time.Time{}, true
		}
		return time.Time{}, false
	}
	if t, err := ParseDate(rest); err == nil && strings.ContainsAny(rest, "0123456789") {
		return t, true
	}
	t, m, ok := findDate(rest)
	if !ok || m[0] > 0 {
		return time.Time{}, false
	}
	after := rest[m[1]:]
	if r, _ := utf8.DecodeRuneInString(after); unicode.IsUpper(r) && wordCount(after) <= 8 &&
		(wordCount(after) <= 3 || rxInnerGlue.MatchString(after) || strings.Contains(after, " / ")) {
		// A byline or tags glued to the date by the scraper: "Mar 04,
		// 2025Ana RuizCyber Espionage / Malware". A headline glued to
		// it is split off by splitLeadingDate instead.
		return t, true
	}
	if wordCount(rxTimeTokens.ReplaceAllString(after, " ")) > 3 {
		return time.Time{}, false
	}
	return t, true
}

var rxDatelineEnd = regexp.MustCompile(`\s[-–—]{1,2}\s|/\.`)

// datelineDate finds a date in a paragraph's dateline ("BEIJING (Agency -
// 21st December, 2020)", "WASHINGTON, July 20, 2021 -"), not in its text.
func datelineDate(p string) (time.Time, bool) {
	if len(p) > 160 {
		p = p[:160]
	}
	end := rxDatelineEnd.FindStringIndex(p)
	if i := strings.Index(p, ")"); i >= 0 {
		end = []int{i, i + 1}
	}
	if end == nil || end[1] > 120 {
		return time.Time{}, false
	}
	t, m, ok := findDate(p[:end[1]])
	if !ok || m[1] > end[1] {
		return time.Time{}, false
	}
	// A dateline opens with a place in capitals ("BEIJING") or holds the
	// date in parentheses with the agency; a date in the first sentence
	// ("On July 20, 2021, ...") is an event's, not the article's.
	inParens := strings.Contains(p[:m[0]], "(")
	placeThenDate := rxPlaceComma.MatchString(p[:m[0]]) // "Beijing, March 14, 2023 -"
	if !inParens && !placeThenDate && !rxCapsPlace.MatchString(p) {
		return time.Time{}, false
	}
	return t, true
}

var (
	rxCapsPlace  = regexp.MustCompile(`^\s*\p{Lu}{3,}\b`)
	rxPlaceComma = regexp.MustCompile(`^\s*\p{Lu}[\p{L}.'’ -]{1,40},\s*$`)
)

// datelinePublisher finds a news agency in a dateline: "LONDON (Reuters) -",
// "MOSCOW, Oct. 5 (Xinhua) --", "BEIJING (UrduPoint News / Sputnik - 21st
// December, 2020)", "MOSCOW, May 8. /TASS/.".
func datelinePublisher(first string) string {
	if m := rxDatelineAg.FindStringSubmatch(first); m != nil {
		ag := m[1]
		if i := strings.Index(ag, " - "); i > 0 {
			ag = ag[:i]
		}
		ag = strings.TrimSpace(ag)
		if wordCount(ag) <= 5 {
			return PublisherName(ag)
		}
	}
	if m := rxSlashAgency.FindStringSubmatch(first); m != nil {
		return PublisherName(m[1])
	}
	return ""
}

// cleanTitle removes what scrapers glue to a headline: a breadcrumb trail
// ("Security News > 2020 > October > Title"), a label in another script
// ("国际英语新闻:Title") and a trailing " | Site" part.
func cleanTitle(p string) string {
	p = strings.TrimSpace(p)
	if parts := rxBreadcrumb.Split(p, -1); len(parts) >= 3 {
		p = strings.TrimSpace(parts[len(parts)-1])
	}
	if loc := rxLabelPrefix.FindStringIndex(p); loc != nil {
		rest := p[loc[1]:]
		if r, _ := utf8.DecodeRuneInString(rest); r < utf8.RuneSelf && rest != "" {
			p = rest
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(p, sep); i > 0 && looksLikeOutlet(p[i+len(sep):]) && wordCount(p[:i]) >= 3 {
			p = strings.TrimSpace(p[:i])
			break
		}
	}
	if parts := strings.Split(p, " | "); len(parts) == 2 {
		a, b := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		if wordCount(b) <= 3 && wordCount(a) >= 3 {
			p = a
		} else if wordCount(a) <= 3 && wordCount(b) >= 3 {
			p = b
		}
	} else if len(parts) >= 3 {
		// "Section | Headline | Site name": one long segment among short
		// name-like ones is the headline.
		long := -1
		for i, part := range parts {
			if wordCount(part) >= 6 {
				if long >= 0 {
					return p
				}
				long = i
			}
		}
		if long >= 0 {
			p = strings.TrimSpace(parts[long])
		}
	}
	return p
}

// bylineAt returns the index of the last byline line in header, or -1.
func bylineAt(header []string) int {
	for i := len(header) - 1; i >= 0; i-- {
		if p := strings.TrimSpace(header[i]); rxByline.MatchString(p) && wordCount(p) <= 20 && !endsStatement(p) {
			return i
		}
	}
	return -1
}

// titleSeps separate a page title's headline from the site's name.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: "}

// titleEcho finds a page title among the first lines ("Headline - Site",
// "Section | Headline") that the page prints again as its headline before
// any body text, and returns the index of that later headline line, or -1.
func titleEcho(paras []string) int {
	seen := 0
	for i := 0; i < len(paras) && seen < 3; i++ {
		p := paras[i]
		if p == "" {
			continue
		}
		seen++
		if endsStatement(p) || wordCount(p) > 40 {
			continue
		}
		keys := pageTitleKeys(p)
		for j := i + 1; j < len(paras) && j <= i+30; j++ {
			q := paras[j]
			if q == "" {
				continue
			}
			if keys[alnumKey(q)] && isHeadlineLike(cleanTitle(q)) {
				return j
			}
			if isBodyLike(q) {
				break
			}
		}
	}
	return -1
}

// pageTitleKeys returns the alnumKeys of a page title line and of each run of
// its separator-delimited parts, for runs of 4+ words.
func pageTitleKeys(p string) map[string]bool {
	parts := []string{p}
	for _, sep := range titleSeps {
		var next []string
		for _, part := range parts {
			next = append(next, strings.Split(part, sep)...)
		}
		parts = next
	}
	keys := make(map[string]bool)
	if len(parts) > 6 {
		parts = parts[:6]
	}
	for i := range parts {
		for j := i + 1; j <= len(parts); j++ {
			run := strings.Join(parts[i:j], " ")
			if wordCount(run) >= 4 {
				keys[alnumKey(run)] = true
			}
		}
	}
	if wordCount(p) >= 4 {
		keys[alnumKey(p)] = true
	}
	return keys
}

// isLongHeadline reports a headline of 15-25 words, which isBodyLike takes
// for text: a capitalised single clause with no sentence end.
func isLongHeadline(p string) bool {
	t := cleanTitle(p)
	return wordCount(t) >= 15 && !endsSentence(t) && !rxSentenceBreak.MatchString(t) && isHeadlineLike(t)
}

// rxSentenceBreak matches the end of a sentence inside a paragraph.
var rxSentenceBreak = regexp.MustCompile(`[.!?]["'”’)]?\s+["'“‘]?\p{Lu}`)

// bodyFollows reports whether a body-like paragraph comes after a long
// headline, past page furniture only.
func bodyFollows(paras []string) bool {
	for _, p := range paras {
		if p != "" && isBodyLike(p) {
			return !isLongHeadline(p)
		}
	}
	return false
}

// footerWords mark page-footer lines, which are never a headline.
var footerWords = []string{
	"©", "copyright", "rights reserved", "terms of use", "terms of service",
	"terms and conditions", "privacy policy", "privacy notice", "contact us",
	"press office", "most popular", "most read", "newsletter", "all news",
}

// isFooterLike reports a line of the page footer: a footer marker, or a
// line naming the site's legal notices, contacts or link boxes.
func isFooterLike(p string) bool {
	if isFooterStart(p) || isBoiler(p) {
		return true
	}
	l := strings.ToLower(p)
	for _, w := range footerWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// wordCount counts words; in scripts written without spaces (Chinese,
// Japanese) two characters count as one word.
// rxOutletName matches names of news outlets not in outlets.tsv: a few
// capitalised words with a media word ("Khabar Asia News", "The Valdoria
// Herald") or a domain ("example.com").
var rxOutletName = regexp.MustCompile(`^(?:(?:The\s+)?(?:\p{Lu}[\pL'’&.-]*\s+){0,3}(?:News|Times|Post|Daily|Journal|Herald|Tribune|Online|TV|Radio|Agency|Gazette|Today|Network|Press|Media|Observer|Mail|Express|Telegraph|Chronicle|Wire|Insider|Review|Monitor|World|Standard|Guardian|Star|Sun|Weekly|Magazine)(?:\s+\p{Lu}[\pL'’&.-]*){0,2}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co|news|info|eu|uk|in|cn|ru|ir|pk|au))$`)

// looksLikeOutlet reports whether a title's suffix names an outlet.
func looksLikeOutlet(s string) bool {
	s = strings.TrimSpace(s)
	return isKnownOutlet(s) || (wordCount(s) <= 6 && rxOutletName.MatchString(s))
}

func wordCount(s string) int {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3000 }) {
		return len(strings.Fields(s))
	}
	n, cjk := 0, 0
	for _, f := range strings.Fields(s) {
		c := 0
		for _, r := range f {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				c++
			}
		}
		if c == 0 || c*2 < utf8.RuneCountInString(f) {
			n++
		}
		cjk += c
	}
	return n + cjk/2
}

// endsSentence reports whether p ends like a sentence: with . … : ; or with
// ? ! (after any closing quotes and brackets).
func endsSentence(p string) bool {
	p = strings.TrimRight(strings.TrimSpace(p), `"'”’»)]`+"\u201d\u2019 ")
	if p == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".…:;!?。", r)
}

// rxAbbrevEnd matches a line ending in an abbreviation ("... with the U.S.",
// "... Corp."), which does not make it a sentence.
var rxAbbrevEnd = regexp.MustCompile(`(?:\b(?:\p{Lu}\.){2,}|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St|Gov|Gen|Sen|Rep|Dr|Mr|Mrs|Ms)\.)$`)

// endsStatement is endsSentence without ? and !, which headlines use, and
// without a trailing ellipsis, which taglines and cut-off teasers use.
func endsStatement(p string) bool {
	p = strings.TrimRight(strings.TrimSpace(p), `"'”’»)]`+" ")
	if p == "" || strings.HasSuffix(p, "...") || strings.HasSuffix(p, "…") || rxAbbrevEnd.MatchString(p) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".…:;。", r)
}

// isBodyLike reports whether p reads as article text rather than furniture.
func isBodyLike(p string) bool {
	if rxBullet.MatchString(p) || isBoiler(p) || isMetaLine(p) || len(rxBreadcrumb.FindAllStringIndex(p, 2)) >= 2 {
		return false
	}
	n := wordCount(p)
	if n >= 15 {
		return true
	}
	return n >= 8 && endsStatement(p)
}

// isNavLine reports a navigation line: three or more section names of at
// most three words each, separated by bars, middle dots or bullets
// ("World · Europe · Politics").
func isNavLine(p string) bool {
	for _, sep := range []string{" | ", " · ", " • "} {
		parts := strings.Split(p, sep)
		if len(parts) < 3 {
			continue
		}
		short := true
		for _, part := range parts {
			if n := wordCount(part); n == 0 || n > 3 {
				short = false
				break
			}
		}
		if short {
			return true
		}
	}
	return false
}

// rxStampLabel matches a timestamp line's label and the time or day after
// it ("Updated 9:40 a.m.", "Posted Friday").
var rxStampLabel = regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|published|posted|first published)\b[\s:]*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|yesterday|today)[a-z]*\b)`)

// isHeadlineLike reports whether t could be a title.
func isHeadlineLike(t string) bool {
	n := wordCount(t)
	if n < 3 || n > 25 || len(t) > 250 || endsStatement(t) {
		return false
	}
	if isBoiler(t) || isMetaLine(t) || rxBullet.MatchString(t) || isListHeading(t) || isFooterStart(t) {
		return false
	}
	if _, ok := dateLine(t); ok {
		return false
	}
	if rxStampLabel.MatchString(t) && wordCount(t) <= 10 {
		return false // "Updated 9:40 a.m. ET, Friday"
	}
	if isNavLine(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«`, r) || unicode.Is(unicode.Han, r)) {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters*2 >= utf8.RuneCountInString(t)
}

func lowerTrim(p string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(p), " -–—:.|"))
}

func isFooterStart(p string) bool {
	l := lowerTrim(p)
	for _, f := range footerStarts {
		if l == f || (strings.HasPrefix(l, f) && (len(f) > 12 || strings.HasPrefix(f, "©") || strings.HasPrefix(f, "copyright"))) {
			return true
		}
	}
	return false
}

// isLinkBlockStart reports a footer marker that heads a box of links.
func isLinkBlockStart(p string) bool {
	l := lowerTrim(p)
	for _, f := range linkBlockStarts {
		if l == f {
			return true
		}
	}
	return false
}

// proseFollows reports whether the paragraphs after a link-block heading hold
// article prose before the page's real footer: at least two body-like
// paragraphs that are not list items. Link items (short titles, numbered or
// bulleted lines) and further link blocks are passed over.
func proseFollows(paras []string) bool {
	n := 0
	for _, p := range paras {
		if p == "" {
			continue
		}
		if isFooterStart(p) && !isLinkBlockStart(p) {
			break
		}
		if rxBullet.MatchString(p) || rxNumbered.MatchString(p) || !isBodyLike(p) {
			continue
		}
		if n++; n >= 2 {
			return true
		}
	}
	return false
}

// rxNumbered matches a numbered list item ("1. Title", "2) Title").
var rxNumbered = regexp.MustCompile(`^\s*\d{1,2}[.)]\s+\S`)

func isListHeading(p string) bool {
	l := lowerTrim(p)
	for _, h := range listHeadings {
		if l == h {
			return true
		}
	}
	return false
}

// isBoiler reports captions, credits and page furniture.
func isBoiler(p string) bool {
	l := strings.ToLower(strings.TrimSpace(p))
	if wordCount(l) <= 20 {
		for _, b := range boilerPrefixes {
			if hasPrefixWord(l, b) {
				return true
			}
		}
	}
	if rxByline.MatchString(strings.TrimSpace(p)) && wordCount(p) <= 12 && !endsStatement(p) {
		return true
	}
	if hasNoticeWord(l) && rxSiteNotice.MatchString(l) && wordCount(p) <= 80 {
		return true
	}
	return rxCreditLine.MatchString(l) || lowerTrim(p) == "advertisement"
}

// hasNoticeWord is a cheap test before rxSiteNotice.
func hasNoticeWord(l string) bool {
	for _, w := range []string{"cookie", "javascript", "browser", "subscri", "continue reading"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// hasPrefixWord reports whether s starts with prefix as whole words:
// "subscribe now" has the prefix "subscribe", "subscribers said" has not.
func hasPrefixWord(s, prefix string) bool {
	if !strings.HasPrefix(s, prefix) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prefix)
	next, _ := utf8.DecodeRuneInString(s[len(prefix):])
	return len(s) == len(prefix) || !unicode.IsLetter(last) || !unicode.IsLetter(next)
}

// isMetaLine reports a metadata line such as "ANI | New Delhi | Updated:
// 01-02-2023 10:00 IST": segments separated by bars, or a date label.
func isMetaLine(p string) bool {
	if len(p) > 400 {
		return false
	}
	if strings.Count(p, " | ") >= 2 && wordCount(p) <= 25 {
		return true
	}
	return strings.Contains(p, ":") && wordCount(p) <= 12 && !endsStatement(p) && rxMetaLabel.MatchString(p)
}

// alnumKey is p lower-cased with only its letters and digits: the form in
// which repeats are recognised despite punctuation and spacing changes.
func alnumKey(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// dropRepeats removes paragraphs that repeat text found after them (a teaser,
// possibly cut off) and exact duplicates. A teaser that begins with text of
// its own (a standfirst) is replaced by that text.
func dropRepeats(paras []string) []string {
	keys := make([]string, len(paras))
	for i, p := range paras {
		keys[i] = alnumKey(p)
	}
	var out []string
	seen := make(map[string]bool)
	for i, p := range paras {
		k := keys[i]
		if k == "" || seen[k] {
			continue
		}
		if len(k) >= 40 && i < 8 && i+1 < len(paras) {
			rest := strings.Join(keys[i+1:], "")
			if strings.Contains(rest, k) {
				continue
			}
			if next := keys[i+1]; len(next) >= 30 {
				if at := strings.Index(k, next[:30]); at > 0 && strings.HasPrefix(rest, k[at:]) {
					if deck := prefixByAlnum(p, utf8.RuneCountInString(k[:at])); len(alnumKey(deck)) >= 20 {
						seen[alnumKey(deck)] = true
						out = append(out, deck)
					}
					continue
				}
			}
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

// prefixByAlnum returns the part of p holding its first n letters and digits.
func prefixByAlnum(p string, n int) string {
	count := 0
	for i, r := range p {
		if count == n {
			if unicode.IsSpace(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
				return strings.TrimSpace(p[:i])
			}
			continue // closing punctuation belongs to the prefix
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			count++
		}
	}
	return strings.TrimSpace(p)
}

// rxNumDate is an all-number date with the year last: "04/03/2025".
var rxNumDate = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)

// numericOrder tells how the page orders the numbers of "04/03/2025": "dmy"
// when one of its all-number dates has a first number over 12, "mdy" when
// one has a second number over 12, else the convention of the outlet
// (outlets.tsv), else "" (unknown).
func numericOrder(paras []string, publisher string) string {
	for _, p := range paras {
		for _, m := range rxNumDate.FindAllStringSubmatch(p, 4) {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			switch {
			case a > 12 && b <= 12:
				return "dmy"
			case b > 12 && a <= 12:
				return "mdy"
			}
		}
	}
	return outletDateOrder(publisher)
}

// resolveNumericDates rewrites the all-number dates of short lines (where
// timestamps are) to ISO form, "04/03/2025" to "2025-03-04" when the order is
// "dmy". A date the order leaves open (04/03/2025 with no order known) is
// left as it is, and dateLine reads no date from it; one that can be read
// only one way (25/03/2025, 03/03/2025) is rewritten whatever the order.
func resolveNumericDates(paras []string, order string) []string {
	out := paras
	for i, p := range paras {
		if !strings.Contains(p, "/") || wordCount(p) > 16 {
			continue
		}
		q := rxNumDate.ReplaceAllStringFunc(p, func(d string) string {
			m := rxNumDate.FindStringSubmatch(d)
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			day, month := 0, 0
			switch {
			case a > 12 && b <= 12, a == b, a <= 12 && b <= 12 && order == "dmy":
				day, month = a, b
			case b > 12 && a <= 12, a <= 12 && b <= 12 && order == "mdy":
				day, month = b, a
			}
			if day < 1 || day > 31 || month < 1 || month > 12 {
				return d
			}
			return fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
		})
		if q != p {
			if &out[0] == &paras[0] {
				out = append([]string(nil), paras...)
			}
			out[i] = q
		}
	}
	return out
}

// framePublisher finds the outlet a page names in its frame, before the
// article's own lines are known: a headline line that ends with a known
// outlet ("Headline | Al Jazeera", "Headline - France 24") among the first
// lines, else a known outlet in a copyright line ("© 2025 BBC", "Copyright
// 2025 The Associated Press. All Rights Reserved.").
func framePublisher(paras []string) string {
	for i, p := range paras {
		if i >= 12 {
			break
		}
		for _, sep := range titleSeps {
			if j := strings.LastIndex(p, sep); j > 0 && wordCount(p[:j]) >= 3 && wordCount(p) <= 40 {
				if tail := strings.TrimSpace(p[j+len(sep):]); isKnownOutlet(tail) {
					return PublisherName(tail)
				}
			}
		}
	}
	for i, p := range paras {
		if i < 12 && isMetaLine(p) {
			// "PTI | New Delhi | Updated: 01-02-2023 10:00 IST"
			for _, seg := range strings.Split(p, " | ") {
				if seg = strings.TrimSpace(seg); isKnownOutlet(seg) {
					return PublisherName(seg)
				}
			}
		}
	}
	for _, p := range paras {
		if m := rxCopyright.FindStringSubmatch(p); m != nil && isKnownOutlet(m[1]) {
			return PublisherName(m[1])
		}
	}
	return ""
}

// rxCopyright matches a copyright line and the owner it names.
var rxCopyright = regexp.MustCompile(`(?i)^\s*(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([^.,|©]{2,60}?)\s*(?:[.,|]|all rights reserved|$)`)

var rxSourceSplit = regexp.MustCompile(`\s+and\s+|\s*[,;/&]\s*`)

// sourceOutlet names the outlet of a "Source:" line: the whole of it, or
// its first part when that is a known outlet ("Al Jazeera and news
// agencies", "Reuters, AFP").
func sourceOutlet(s string) string {
	if isKnownOutlet(s) {
		return PublisherName(s)
	}
	if parts := rxSourceSplit.Split(s, 2); len(parts) == 2 && isKnownOutlet(parts[0]) {
		return PublisherName(parts[0])
	}
	return PublisherName(s)
}
