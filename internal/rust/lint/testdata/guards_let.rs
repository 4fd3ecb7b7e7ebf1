// Which let statements bind a span's guard, and what an attribute applies to.
use tracing::{info_span, instrument, Span};

pub fn declared(rt: &tokio::runtime::Runtime, cur: Span) {
    let _ = cur.enter(); // want: TL202
    let _ = rt.enter();
    let _ = cur.id();
    let later;
    later = rt;
    let _ = later.enter();
}

pub fn bound() {
    let root = info_span!("root");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _ = rt.enter();
    let typed: Span = Span::current();
    let _ = typed.enter(); // want: TL202
    let made = runtime!();
    let _ = made.enter();
    let cur = info_span!("cur");
    let _ = cur.enter(); // want: TL202
}

pub fn shadowed() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _closure = |rt: Span| rt.id();
    let _ = rt.enter();
}

pub fn params(rt: &tokio::runtime::Runtime, cur: Span) {
    let _ = cur.enter(); // want: TL202
}

pub fn trees(spans: &mut SpanTree, id: usize) {
    let _ = spans.enter(id); // a tree's cursor, not Span::enter()
}

#[instrument]
/* the password is skipped? it is not */
pub fn block_comment(password: &str) {} // want: TL401

#[instrument]
// nor here
#[allow(unused)]
pub fn line_comment(password: &str) {} // want: TL401

mod cut_short {
    #[tracing::instrument]
}
