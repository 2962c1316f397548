// Package loader reads articles in the formats people have (scraped page text,
// plain text, JSON and JSON Lines, HTML, RSS and Atom feeds; files, directories,
// globs, stdin, gzip, URLs) and turns each into a clean Article: title, URL,
// publisher, published time, language and body paragraphs. Extraction of actors
// and statements is loader/extract's job.
//
// Parse reads one input held in memory; DetectFormat tells which format it is.
// Read walks inputs (files, directories, globs, "-", http(s) URLs) and hands
// each article, or each failure, to a callback as an Item; one bad input never
// stops the others. Every failure is an *Error naming the source (and the line,
// for JSON Lines and JSON syntax errors) and wrapping one of the Err* values,
// so callers can print one line per failure and test causes with errors.Is.
// Summary counts a load for the CLI.
//
// ArticleID gives an article's identity (title + day + publisher when all are
// known, else its canonical URL, else its normalized body) and ContentHash its
// content, for change detection. ParseDate, DetectLanguage, PublisherName and
// NormalizeURL are the helpers the parsers use, exported for the CLI and tests.
//
// Publisher slugs and short names ("elparis", "xinhua", "www.reuters.com") are
// mapped to outlet names through the embedded outlets.tsv.
package loader
