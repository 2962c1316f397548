package loader

import (
	"sort"
	"strings"
	"unicode"
)

// Language detection is by script, then by stop words. Why not a library:
// lingua-go is accurate but embeds ~100 MB of n-gram models, and whatlanggo
// has not been maintained since 2020. For whole news articles (hundreds of
// words) the share of a language's most frequent function words separates
// the languages news is written in very reliably, costs nothing, and is
// deterministic and easy to audit. Scripts used by one main language (Han,
// kana, Hangul, Arabic, Hebrew, Greek, Thai, Devanagari) decide by themselves.

// stopWords holds frequent function words that are rare as words in the
// other listed languages.
var stopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said", "by", "it", "has", "have", "from", "at", "which", "were", "its", "this", "be", "are", "had", "would", "will", "their", "been", "not"},
	"es": {"el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "por", "con", "para", "se", "es", "su", "al", "como", "más", "pero", "sus", "ha", "lo", "fue", "ya", "sobre", "este", "esta", "entre"},
	"pt": {"o", "os", "as", "de", "do", "da", "dos", "das", "que", "e", "em", "um", "uma", "para", "com", "não", "no", "na", "por", "mais", "se", "foi", "ao", "pelo", "pela", "como", "sobre", "seu", "sua", "também"},
	"fr": {"le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "sont", "par", "ont", "mais", "été", "cette", "leur", "plus"},
	"it": {"il", "lo", "la", "gli", "le", "di", "del", "della", "che", "e", "è", "un", "una", "per", "non", "con", "sono", "nel", "nella", "alla", "ha", "anche", "come", "dei", "delle", "più", "questo", "ma", "si", "stato"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "den", "dem", "des", "ein", "eine", "einer", "zu", "mit", "sich", "auf", "für", "von", "im", "auch", "es", "wird", "sie", "hat", "dass", "werden", "wurde", "nach", "bei", "aus"},
	"nl": {"de", "het", "een", "en", "van", "is", "niet", "dat", "op", "te", "voor", "met", "zijn", "er", "ook", "maar", "aan", "door", "bij", "naar", "om", "wordt", "werd", "hij", "ze", "als", "dit", "deze", "heeft", "nog"},
	"sv": {"och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "var", "jag", "men", "de", "sig", "så", "från", "vid", "efter", "kan", "också", "hade", "eller", "när"},
	"da": {"og", "at", "det", "en", "er", "til", "på", "af", "med", "for", "som", "den", "ikke", "har", "de", "var", "et", "om", "fra", "men", "han", "sig", "vil", "blev", "efter", "også", "kan", "hvor", "eller", "skal"},
	"no": {"og", "i", "det", "som", "en", "på", "er", "til", "av", "for", "med", "at", "ikke", "har", "de", "var", "et", "om", "fra", "men", "han", "seg", "vil", "ble", "etter", "også", "kan", "hvor", "eller", "skal"},
	"pl": {"i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "po", "co", "tak", "za", "od", "przez", "ale", "jego", "już", "czy", "oraz", "który", "która", "które", "tym", "był", "była", "dla"},
	"cs": {"a", "v", "se", "na", "je", "že", "s", "z", "do", "o", "to", "k", "ve", "pro", "jako", "by", "ale", "za", "jsou", "byl", "bylo", "které", "který", "která", "podle", "také", "jeho", "už", "při", "od"},
	"ro": {"și", "în", "de", "la", "cu", "pe", "a", "că", "care", "din", "să", "nu", "este", "un", "o", "pentru", "mai", "au", "fost", "lui", "ca", "ce", "prin", "sau", "după", "acest", "această", "fi", "se", "dintre"},
	"tr": {"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "ama", "gibi", "olan", "en", "kadar", "sonra", "ne", "değil", "var", "ise", "mi", "her", "şey", "çünkü", "ancak", "yani", "bunu", "diye", "olduğunu", "dedi"},
	"id": {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "atau", "bahwa", "mereka", "sudah", "telah", "saat", "bisa", "kata", "lebih", "seperti", "hanya", "tersebut", "namun"},
	"hu": {"a", "az", "és", "hogy", "nem", "is", "egy", "meg", "de", "van", "már", "volt", "csak", "el", "még", "mint", "ki", "ha", "azt", "kell", "lesz", "után", "szerint", "pedig", "vagy", "most", "ez", "mert", "minden", "amely"},
	"fi": {"ja", "on", "ei", "että", "se", "oli", "ovat", "hän", "mutta", "kun", "myös", "tai", "joka", "sen", "jo", "ole", "mukaan", "nyt", "niin", "kuin", "vain", "jos", "ne", "voi", "sitä", "tämä", "olla", "hänen", "sekä", "jälkeen"},
	"sq": {"dhe", "në", "të", "një", "për", "që", "me", "nga", "është", "janë", "ka", "kanë", "se", "si", "nuk", "do", "i", "e", "u", "së", "ai", "ajo", "këtë", "ky", "kjo", "më", "por", "edhe", "pas", "tha"},
	"hr": {"i", "u", "je", "da", "se", "na", "za", "su", "od", "s", "sa", "kao", "što", "koji", "koja", "koje", "ali", "iz", "o", "bi", "bio", "bila", "ne", "će", "to", "ili", "nakon", "prema", "rekao", "kako"},
	"vi": {"và", "của", "có", "là", "được", "trong", "cho", "không", "với", "các", "những", "này", "một", "đã", "người", "để", "khi", "từ", "về", "như", "tại", "cũng", "theo", "nhiều", "đến", "sẽ", "ra", "nói", "năm", "làm"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "к", "из", "за", "от", "так", "но", "для", "о", "его", "был", "была", "также", "уже", "при", "же", "или", "только", "было", "она", "были"},
	"uk": {"і", "в", "не", "на", "що", "з", "по", "як", "це", "він", "до", "із", "за", "від", "так", "але", "для", "про", "його", "був", "була", "також", "вже", "при", "же", "або", "тільки", "було", "вона", "були"},
	"bg": {"и", "в", "не", "на", "че", "с", "по", "как", "това", "той", "да", "от", "за", "се", "са", "но", "е", "си", "беше", "бил", "като", "също", "вече", "при", "или", "само", "тя", "има", "ще", "които"},
}

var (
	stopSets  map[string]map[string]bool
	stopLangs []string
	// scriptLangs: a script used by one main language decides the language
	// when it makes up most of the letters.
	scriptLangs = []struct {
		table *unicode.RangeTable
		lang  string
	}{
		{unicode.Hiragana, "ja"}, {unicode.Katakana, "ja"}, {unicode.Hangul, "ko"},
		{unicode.Han, "zh"}, {unicode.Arabic, "ar"}, {unicode.Hebrew, "he"},
		{unicode.Greek, "el"}, {unicode.Thai, "th"}, {unicode.Devanagari, "hi"},
		{unicode.Georgian, "ka"}, {unicode.Armenian, "hy"},
	}
)

func init() {
	stopSets = make(map[string]map[string]bool, len(stopWords))
	for lang, words := range stopWords {
		s := make(map[string]bool, len(words))
		for _, w := range words {
			s[w] = true
		}
		stopSets[lang] = s
		stopLangs = append(stopLangs, lang)
	}
	sort.Strings(stopLangs)
}

// DetectLanguage returns the ISO 639-1 code of text's language, or "" when
// the text is too short or too mixed to tell.
func DetectLanguage(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	counts := make(map[string]int)
	letters, latin, cyrillic := 0, 0, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		default:
			for _, s := range scriptLangs {
				if unicode.Is(s.table, r) {
					counts[s.lang]++
					break
				}
			}
		}
	}
	if letters < 20 {
		return ""
	}
	// Japanese text mixes kana with Han; any real share of kana makes it Japanese.
	if counts["ja"]*10 > letters {
		return "ja"
	}
	for _, s := range scriptLangs {
		if counts[s.lang]*2 > letters {
			if s.lang == "ar" {
				return arabicScriptLanguage(text)
			}
			return s.lang
		}
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	if len(words) < 5 {
		return ""
	}
	cyrillicText := cyrillic > latin
	best, bestN := "", 0
	for _, lang := range stopLangs { // sorted: ties go the same way every time
		if isCyrillicLang(lang) != cyrillicText {
			continue
		}
		n := 0
		for _, w := range words {
			if stopSets[lang][w] {
				n++
			}
		}
		if n > bestN {
			best, bestN = lang, n
		}
	}
	// Too few function words to tell (a list of names, a headline).
	if bestN < 3 || bestN*20 < len(words) {
		if cyrillicText {
			return "ru"
		}
		return ""
	}
	return best
}

func isCyrillicLang(lang string) bool { return lang == "ru" || lang == "uk" || lang == "bg" }

// arabicScriptLanguage tells Urdu and Persian from Arabic by the letters
// only they use: ے ں ٹ ڈ ڑ for Urdu; پ چ ژ گ with Persian yeh and keheh
// (and none of the Urdu letters) for Persian.
func arabicScriptLanguage(text string) string {
	urdu, persian := 0, 0
	for _, r := range text {
		switch r {
		case 'ے', 'ں', 'ٹ', 'ڈ', 'ڑ', 'ھ':
			urdu++
		case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
			persian++
		}
	}
	switch {
	case urdu >= 3:
		return "ur"
	case persian >= 3:
		return "fa"
	}
	return "ar"
}
