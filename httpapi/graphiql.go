package httpapi

import (
	"embed"
	"io/fs"
	"net/http"
)

// graphiqlFiles holds GraphiQL's page and its JS/CSS (see graphiql/README.md).
//
//go:embed graphiql/index.html graphiql/*.js graphiql/*.css
var graphiqlFiles embed.FS

// graphiQLPage serves GraphiQL's page at /.
func graphiQLPage() http.Handler {
	page, err := graphiqlFiles.ReadFile("graphiql/index.html")
	if err != nil {
		panic("httpapi: graphiql page not embedded: " + err.Error())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(page)
	})
}

// assetsHandler serves GraphiQL's scripts and styles under /graphiql/.
func assetsHandler() http.Handler {
	sub, err := fs.Sub(graphiqlFiles, "graphiql")
	if err != nil {
		panic("httpapi: graphiql assets not embedded: " + err.Error())
	}
	files := http.StripPrefix("/graphiql/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
