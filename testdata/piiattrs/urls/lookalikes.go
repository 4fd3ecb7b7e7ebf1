package urls

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// form has the names of the net/http and net/url API, on types of its own.
type form struct{ RequestURI, RawQuery string }

func (form) FormValue(string) string     { return "" }
func (form) PostFormValue(string) string { return "" }
func (form) String() string              { return "" }
func (form) Encode() string              { return "" }
func (form) Get(string) string           { return "" }

// The function reads a credential from the request; what it records is
// not the URL.
func lookalikeValues(span trace.Span, r *http.Request, f form) {
	_ = r.FormValue("access_token")
	span.SetAttributes(
		attribute.String("url.full", f.RequestURI),                // ok: not an http.Request's
		attribute.String("url.query", f.RawQuery),                 // ok: not a url.URL's
		attribute.String("url.full", f.String()),                  // ok
		attribute.String("url.query", f.Encode()),                 // ok
		attribute.String("url.full", r.Host),                      // ok: the host, not the URL
		attribute.String("url.full", r.URL.Hostname()),            // ok
		attribute.String("url.query", r.URL.Query().Get("page")),  // ok: one parameter's value
		attribute.String("url.full", digest(r.URL.String()+"?x")), // ok: a digest of the URL
	)
}

// The function records the URL; what it reads by a sensitive name is not
// the request's query.
func lookalikeReads(span trace.Span, r *http.Request, f form) {
	_ = f.FormValue("access_token")
	_ = f.PostFormValue("password")
	_ = f.Get("api_key")
	span.SetAttributes(attribute.String("url.full", r.URL.String())) // ok
}

// Forms read through FormValue and PostFormValue.
func login(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	span := trace.SpanFromContext(ctx)
	_ = r.PostFormValue("password")
	span.SetAttributes(attribute.String("url.full", r.URL.String())) // want `the value r.URL.String\(\) of attribute "url.full" is a credential \(query parameter "password"\).*\(TL401\)`
}

func reset(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	_ = r.FormValue("access_token")
	span.SetAttributes(attribute.String("url.full", r.URL.String())) // want `the value r.URL.String\(\) of attribute "url.full" is a credential \(query parameter "access_token"\).*\(TL401\)`
}

// Parameters removed or tested, rather than read or set, still say what
// the query may hold.
func scrub(span trace.Span, u *url.URL) {
	q := u.Query()
	if q.Has("session_token") {
		q.Del("session_token")
	}
	span.SetAttributes(attribute.String("url.query", q.Encode())) // want `the value q.Encode\(\) of attribute "url.query" is a credential \(query parameter "session_token"\).*\(TL401\)`
}

// URLs built through functions: their literals count only through
// functions that pass their arguments on.
func built(span trace.Span, base, tok string) {
	mk := func(s string) string { return s }
	span.SetAttributes(
		attribute.String("url.full", digest(base+"?access_token="+tok)), // ok: a digest keeps no parameter
		attribute.String("url.full", mk(base+"?access_token="+tok)),     // ok: a function value is not followed
	)
}

func digest(s string) string { return fmt.Sprintf("%x", sha256.Sum256([]byte(s))) }
