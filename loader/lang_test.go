package loader

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The foreign ministry said on Monday that the accusations were baseless and that it would respond to them in the coming days.", "en"},
		{"El ministerio de Asuntos Exteriores dijo el lunes que las acusaciones no tienen fundamento y que responderá en los próximos días.", "es"},
		{"Le ministère des Affaires étrangères a déclaré lundi que les accusations étaient sans fondement et qu'il y répondrait dans les prochains jours.", "fr"},
		{"Das Außenministerium erklärte am Montag, dass die Vorwürfe unbegründet seien und dass es in den kommenden Tagen darauf reagieren werde.", "de"},
		{"Il ministero degli Esteri ha detto lunedì che le accuse sono infondate e che risponderà nei prossimi giorni con una nota.", "it"},
		{"O ministério das Relações Exteriores disse na segunda-feira que as acusações não têm fundamento e que vai responder nos próximos dias.", "pt"},
		{"Министерство иностранных дел заявило в понедельник, что обвинения беспочвенны и что оно ответит на них в ближайшие дни.", "ru"},
		{"外交部发言人周一表示，这些指控毫无根据，中方将在未来几天作出回应。", "zh"},
		{"外務省の報道官は月曜日、これらの非難は根拠がないと述べ、数日中に対応すると語った。", "ja"},
		{"وقالت وزارة الخارجية يوم الاثنين إن الاتهامات لا أساس لها وإنها سترد عليها في الأيام المقبلة.", "ar"},
		{"چین نے ہیکنگ کے امریکی الزامات کو بے بنیاد اور سیاست پر مبنی قرار دے دیا۔", "ur"},
		{"وزارت امور خارجه چین این اتهامات را بی‌اساس خواند و گفت که پکن همیشه با حملات سایبری مخالف بوده است.", "fa"},
		{"Autoritetet gjermane kanë arrestuar një burrë që punonte për një politikan, i dyshuar si spiun për Kinën, raporton BBC.", "sq"},
		{"Glasnogovornik je rekao da se Kina čvrsto protivi svim oblicima napada i da su optužbe iznesene bez dokaza.", "hr"},
		{"ok", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%.40q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A language without a stop-word list must still not pass as English.
func TestDetectLanguageUnlistedIsNotEnglish(t *testing.T) {
	for _, text := range []string{
		"Autoritetet gjermane kanë arrestuar një burrë që punonte për një politikan të ekstremit të djathtë, i dyshuar si spiun për Kinën, raporton BBC.",
		"Portparol je to izjavio na redovnom brifingu za novinare kao odgovor na povezani upit i rekao da se Kina čvrsto protivi svim oblicima napada.",
	} {
		if got := DetectLanguage(text); got == "en" {
			t.Errorf("DetectLanguage(%.40q) = en", text)
		}
	}
}
