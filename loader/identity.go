package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"time"
)

// ArticleID is an article's identity, "art:" followed by 32 hex digits, the
// same however and however often the article is loaded:
//
//   - when its title, publication date and publisher are all known, a hash of
//     them normalized (case, accents, punctuation and spacing ignored; the
//     date as a UTC day; the publisher through PublisherName), so a scraped
//     copy without a URL and an HTML copy with one are one article;
//   - else its canonical URL (NormalizeURL);
//   - else a hash of its normalized body text.
func ArticleID(a Article) string {
	title, pub := outletKey(a.Title), outletKey(PublisherName(a.Publisher))
	switch {
	case title != "" && pub != "" && !a.Published.IsZero():
		return hashID("tdp", title, a.Published.UTC().Format(time.DateOnly), pub)
	case NormalizeURL(a.URL) != "":
		return hashID("url", NormalizeURL(a.URL))
	default:
		return hashID("body", outletKey(a.Body()))
	}
}

// ContentHash is a hash of everything an article holds (title, URL,
// publisher, time, language, paragraphs): it changes when the article's
// content changes, for change detection under a stable ArticleID.
func ContentHash(a Article) string {
	return "sha256:" + fullHash(a.Title, a.URL, a.Publisher, a.Published.UTC().Format(time.RFC3339Nano), a.Language, strings.Join(a.Paragraphs, "\n\n"))
}

func hashID(parts ...string) string { return "art:" + fullHash(parts...)[:32] }

func fullHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// trackingParams are query parameters that do not change which page a URL
// names.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "mc_cid": true, "mc_eid": true, "ocid": true,
	"cmpid": true, "ref": true, "ref_src": true, "smid": true, "amp": true, "output": true,
}

// NormalizeURL returns an http(s) URL in a canonical form for identity:
// http and https as one ("https://"), lower-case host, no "www.", no
// default port, no fragment, no
// tracking parameters (utm_*, fbclid, ...), sorted query, no trailing slash,
// and no trailing "/amp". It returns "" for anything but an absolute http(s) URL.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var qs []string
	for _, k := range keys {
		for _, v := range q[k] {
			qs = append(qs, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	p := strings.TrimSuffix(strings.TrimSuffix(u.EscapedPath(), "/"), "/amp")
	out := "https://" + host + strings.TrimSuffix(p, "/")
	if len(qs) > 0 {
		out += "?" + strings.Join(qs, "&")
	}
	return out
}
