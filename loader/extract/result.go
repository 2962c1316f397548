package extract

// Result is what Extract finds in one article, in the JSON shape that
// `demarche extract` prints and ../shared/eval/score reads.
type Result struct {
	Article    ArticleInfo `json:"article"`
	Entities   []Entity    `json:"entities"`
	Statements []Statement `json:"statements"`
}

// ArticleInfo is the article's metadata as read.
type ArticleInfo struct {
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // ISO-8601 (RFC 3339), empty when unknown
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Language  string `json:"language,omitempty"` // ISO 639-1 ("en")
}

// Entity is an actor or an incident named in the article. Names are canonical
// (the lexicon's name when the actor is known: "China" for "Beijing"), so the same
// actor gets the same name in every article.
type Entity struct {
	Name string `json:"name"`
	// Type is STATE, ORGANIZATION, AGENCY, PERSON, GROUP or INCIDENT.
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
	// Affiliation is the name of the parent entity (person → agency or state,
	// agency → state); it is itself among the entities.
	Affiliation string `json:"affiliation,omitempty"`
	Role        string `json:"role,omitempty"` // a person's role ("spokesperson")
	Year        int    `json:"year,omitempty"` // an incident's year
	// Country is the ISO 3166 alpha-3 code: a state's own, or the state an agency,
	// person or group belongs to when known.
	Country string `json:"country,omitempty"`
}

// Statement is one statement the article reports.
type Statement struct {
	Speaker    string  `json:"speaker"`
	Kind       string  `json:"kind"`
	Target     *string `json:"target"`   // null when none is named
	Incident   *string `json:"incident"` // null when none
	Evidence   string  `json:"evidence"`
	Quote      string  `json:"quote,omitempty"`
	Confidence float64 `json:"confidence"`
	Date       string  `json:"date,omitempty"` // YYYY-MM-DD
}
