package loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Item is one result of Read: an article, or the error of an input (or of one
// record in it) that could not be read. Err is nil for an article; when it is
// set it is an *Error and Article is empty.
type Item struct {
	Article Article
	Err     error
}

// readableExts are the file extensions Read takes from a directory (with or
// without ".gz"); files without an extension are taken too. Other files
// (images, PDFs, ...) in a directory are passed over silently; a file named
// explicitly is always read.
var readableExts = map[string]bool{
	".txt": true, ".text": true, ".json": true, ".jsonl": true, ".ndjson": true,
	".html": true, ".htm": true, ".xhtml": true, ".xml": true, ".rss": true, ".atom": true,
}

// Read reads every input and calls fn once per article or per failure, in
// input order (files of a directory in lexical order). An input is a file, a
// directory (read recursively, hidden entries skipped), a glob pattern
// ("data/*.jsonl"), "-" for standard input, or an http(s) URL of a page or a
// feed; ".gz" files (and gzip data anywhere) are decompressed. A bad input
// never stops the others: its *Error is passed to fn as an Item and reading
// goes on. Read stops early only when ctx is done (returning ctx.Err()) or
// when fn returns an error (returning it).
func Read(ctx context.Context, inputs []string, opts Options, fn func(Item) error) error {
	r := reader{opts: opts, fn: fn, stdin: opts.Stdin}
	if r.stdin == nil {
		r.stdin = os.Stdin
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(ctx, in); err != nil {
			return err
		}
	}
	return ctx.Err()
}

type reader struct {
	opts  Options
	fn    func(Item) error
	stdin io.Reader
}

// fail reports an input-level error to fn.
func (r *reader) fail(source string, err error) error {
	var le *Error
	if !errors.As(err, &le) {
		le = newError(source, 0, err)
	}
	return r.fn(Item{Err: le})
}

func (r *reader) input(ctx context.Context, in string) error {
	switch {
	case in == "-":
		data, err := readLimited(r.stdin, r.opts.maxBytes())
		if err != nil {
			return r.fail("-", err)
		}
		return r.parse("-", data)
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		data, err := r.fetch(ctx, in)
		if err != nil {
			return r.fail(in, err)
		}
		return r.parse(in, data)
	case strings.ContainsAny(in, "*?["):
		if _, err := os.Stat(in); err == nil {
			return r.path(ctx, in, true)
		}
		matches, err := filepath.Glob(in)
		if err != nil {
			return r.fail(in, fmt.Errorf("bad glob pattern: %w", err))
		}
		if len(matches) == 0 {
			return r.fail(in, errors.New("no files match the pattern"))
		}
		for _, m := range matches {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := r.path(ctx, m, true); err != nil {
				return err
			}
		}
		return nil
	}
	return r.path(ctx, in, true)
}

// path reads a file or a directory; explicit is false for files found in a
// directory, which are filtered by extension.
func (r *reader) path(ctx context.Context, p string, explicit bool) error {
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(p, errors.Unwrap(err))
	}
	if !info.IsDir() {
		return r.file(p, info)
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return r.fail(q, errors.Unwrap(err))
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(d.Name(), ".gz")))
		if ext != "" && !readableExts[ext] {
			return nil
		}
		// os.Stat follows a symbolic link to a file (links to directories are
		// not followed, so a link cycle cannot trap the walk).
		info, err := os.Stat(q)
		if err != nil {
			return r.fail(q, errors.Unwrap(err))
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		return r.file(q, info)
	})
}

func (r *reader) file(p string, info fs.FileInfo) error {
	limit := r.opts.maxBytes()
	if info.Size() > limit {
		return r.fail(p, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, info.Size(), limit))
	}
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, errors.Unwrap(err))
	}
	defer f.Close()
	data, err := readLimited(f, limit)
	if err != nil {
		return r.fail(p, err)
	}
	return r.parse(p, data)
}

func (r *reader) parse(source string, data []byte) error {
	arts, err := Parse(source, data, r.opts)
	for _, a := range arts {
		if ferr := r.fn(Item{Article: a}); ferr != nil {
			return ferr
		}
	}
	for _, e := range Errors(err) {
		if e.Source == "" {
			e.Source = source
		}
		if ferr := r.fn(Item{Err: e}); ferr != nil {
			return ferr
		}
	}
	return nil
}

func (r *reader) fetch(ctx context.Context, u string) ([]byte, error) {
	client := r.opts.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "demarche-loader/1 (+https://github.com/demarche/demarche)")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, text/html, application/json, text/plain;q=0.8, */*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	return readLimited(resp.Body, r.opts.maxBytes())
}

// readLimited reads all of rd, failing with ErrTooLarge past limit bytes.
func readLimited(rd io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

// Summary counts what a load did, for the CLI's closing line and its --json
// output. Read and Failed can be kept with Add; Loaded and Skipped are the
// caller's (what the store took, what it already had unchanged or what was
// set aside, e.g. non-English articles).
type Summary struct {
	Read    int      `json:"read"`
	Loaded  int      `json:"loaded"`
	Skipped int      `json:"skipped"`
	Failed  int      `json:"failed"`
	Errors  []string `json:"errors,omitempty"`
}

// Add counts one Item from Read: an article as read, an error as failed.
func (s *Summary) Add(it Item) {
	if it.Err != nil {
		s.Failed++
		s.Errors = append(s.Errors, it.Err.Error())
		return
	}
	s.Read++
}

func (s Summary) String() string {
	return fmt.Sprintf("read %d, loaded %d, skipped %d, failed %d", s.Read, s.Loaded, s.Skipped, s.Failed)
}
