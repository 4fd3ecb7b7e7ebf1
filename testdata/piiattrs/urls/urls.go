// Package urls covers URLs recorded with a credential or personal data in
// their query.
package urls

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// A callback endpoint that takes its token in the query.
func callback(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	token := r.URL.Query().Get("access_token")
	_ = token
	span.SetAttributes(
		attribute.String("url.full", r.URL.String()),            // want `the value r.URL.String\(\) of attribute "url.full" is a credential \(query parameter "access_token"\): secrets must never reach telemetry; drop it \(TL401\)`
		attribute.String("http.target", r.RequestURI),           // want `the value r.RequestURI of attribute "http.target" is a credential \(query parameter "access_token"\).*\(TL401\)`
		attribute.String("app.request_uri", r.URL.RequestURI()), // want `the value r.URL.RequestURI\(\) of attribute "app.request_uri" is a credential \(query parameter "access_token"\).*\(TL401\)`
		attribute.String("url.query", r.URL.RawQuery),           // want `the value r.URL.RawQuery of attribute "url.query" is a credential .*\(TL401\)`
		attribute.Stringer("app.callback_url", r.URL),           // want `the value r.URL of attribute "app.callback_url" is a credential .*\(TL401\)`
		attribute.String("url.path", r.URL.Path),                // ok: the path holds no query
		attribute.String("app.page_url", r.URL.Path),            // ok: the same
	)
}

// An endpoint whose query holds nothing sensitive.
func list(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	page := r.URL.Query().Get("page")
	count := r.FormValue("token_count") // a count, not a token
	_, _ = page, count
	span.SetAttributes(attribute.String("url.full", r.URL.String())) // ok
}

// URLs a client builds.
func client(span trace.Span, base, tok, who string) {
	signed := base + "?sig=1&api_key=" + tok
	span.SetAttributes(
		attribute.String("http.url", signed),                                         // want `the value signed of attribute "http.url" is a credential \(query parameter "api_key"\).*\(TL401\)`
		attribute.String("app.invite_url", fmt.Sprintf("%s?email=%s", base, who)),    // want `the value fmt.Sprintf\("%s\?email=%s", base, who\) of attribute "app.invite_url" is personal data \(contact: query parameter "email"\).*\(TL403\)`
		attribute.String("url.full", base+"?page=2"),                                 // ok
		attribute.String("app.docs_url", "https://example.com/?access_token=public"), // ok: a constant
	)
	q := url.Values{}
	q.Set("password", tok)
	u := url.URL{Scheme: "https", Host: "example.com", RawQuery: q.Encode()}
	span.SetAttributes(attribute.String("url.full", u.String()))      // want `the value u.String\(\) of attribute "url.full" is a credential \(query parameter "password"\).*\(TL401\)`
	span.SetAttributes(attribute.String("shop.order_id", u.String())) // ok: the key records no URL
}

// Keys named like a URL, and URLs whose query says more than one thing.
func named(span trace.Span, base, tok, who, id string) {
	span.SetAttributes(
		attribute.String("app.redirect_uri", base+"?code=1&client_secret="+tok), // want `the value base \+ "\?code=1&client_secret=" \+ tok of attribute "app.redirect_uri" is a credential \(query parameter "client_secret"\).*\(TL401\)`
		attribute.String("url.full", base+"?access_token="+tok+"&email="+who),   // want `the value .* of attribute "url.full" is a credential \(query parameter "access_token"\).*\(TL401\)`
		attribute.String("url.full", base+"?email="+who+"&access_token="+tok),   // want `the value .* of attribute "url.full" is a credential \(query parameter "access_token"\).*\(TL401\)`
		attribute.String("url.full", base+"?user_id="+id),                       // ok: a pseudonymous identifier, which TL404 judges by key only
		attribute.String("", base+"?access_token="+tok),                         // ok: an empty key records no URL
	)
}

// An attribute built outside any function: only the literals it is built
// from are read.
var docsAttr = attribute.String("url.full", docsURL.String())

var docsURL = &url.URL{Scheme: "https", Host: "example.com", Path: "/docs"}

var resetLink string

func prepareReset(token string) { resetLink = "https://example.com/reset?access_token=" + token }

// A package-level variable may hold another URL by the time it is read:
// its one assignment is not followed.
func recordReset(span trace.Span) {
	span.SetAttributes(attribute.String("url.full", resetLink)) // ok
}

// Locals defined from each other are followed a few steps only.
func cyclicLocals(span trace.Span, n int) {
	var a, b string
	for i := 0; i < n; i++ {
		a = b + "&access_token=" + strconv.Itoa(i)
		b = a
	}
	span.SetAttributes(attribute.String("url.full", a)) // want `the value a of attribute "url.full" is a credential \(query parameter "access_token"\).*\(TL401\)`
}

// A handler that keeps its URL in a local, checks its input through a
// function value, and reads a cookie and a path value, which are not in
// the query.
func stored(w http.ResponseWriter, r *http.Request, valid func(string) bool) {
	span := trace.SpanFromContext(r.Context())
	if c, err := r.Cookie("access_token"); err == nil && !valid(c.Value) {
		return
	}
	_ = r.PathValue("token")
	full := r.URL.String()
	span.SetAttributes(attribute.String("url.full", full)) // ok: the cookie and the path value are not in the query
}

// The same URL in a local, with a secret in the query.
func storedSecret(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	_ = r.URL.Query().Get("api_key")
	full := r.URL.String()
	span.SetAttributes(attribute.String("url.full", full)) // want `the value full of attribute "url.full" is a credential \(query parameter "api_key"\).*\(TL401\)`
}
