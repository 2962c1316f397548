// Package loader reads articles in the formats people have (scraped page text,
// plain text, JSON and JSON Lines, HTML, RSS and Atom feeds; files, directories,
// globs, stdin, gzip, URLs) and turns each into a clean Article: title, URL,
// publisher, published time, language and body paragraphs. Extraction of actors
// and statements is loader/extract's job.
package loader
