// A file that neither traces nor imports tracing by name: a span of its
// own is no tracing span.
use futures::prelude::*;

async fn work() {}

pub fn own_span(span: &Span) {
    let _guard = span.enter();
    tokio::spawn(work());
}
