package loader

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
)

// parseFeed reads an RSS 2.0, RSS 1.0 or Atom feed with gofeed: each item is an
// article, its full content (or else its description) the body, its link the
// URL, the feed's title the publisher.
func parseFeed(source string, data []byte) ([]Article, error) {
	feed, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadFeed, err)
	}
	if len(feed.Items) == 0 {
		return nil, fmt.Errorf("%w: the feed has no items", ErrNoArticle)
	}
	publisher := strings.TrimSpace(feed.Title)
	var arts []Article
	var errs []error
	for i, it := range feed.Items {
		a := Article{Title: strings.TrimSpace(it.Title), URL: strings.TrimSpace(it.Link), Publisher: publisher}
		if a.Title != "" {
			a.Title = cleanTitle(htmlText(a.Title))
		}
		switch {
		case it.PublishedParsed != nil:
			a.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Published = *it.UpdatedParsed
		case it.Published != "":
			if t, err := ParseDate(it.Published); err == nil {
				a.Published = t
			}
		}
		body := it.Content
		if strings.TrimSpace(htmlText(body)) == "" {
			body = it.Description
		}
		if looksHTML(body) || strings.Contains(body, "&") {
			a.Paragraphs = htmlParagraphs(body)
		} else {
			a.Paragraphs = parseText(body).Paragraphs
		}
		a.Paragraphs = withoutTitle(a.Paragraphs, a.Title)
		a.Source = a.URL
		if a.Source == "" {
			a.Source = fmt.Sprintf("%s#%d", source, i+1)
		}
		if len(a.Paragraphs) == 0 {
			errs = append(errs, newError(source, 0, fmt.Errorf("%w: feed item %d (%s) has no content or description", ErrNoArticle, i+1, a.Source)))
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

// htmlText is the text of an HTML fragment on one line.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	return strings.Join(htmlParagraphsRaw(s), " ")
}
