// Test items by attribute: #[bench], and cfgs that need test or not.
use tracing::info_span;

#[bench]
fn bench_root(b: &mut Bencher) {
    let _root = info_span!(parent: None, "root");
}

#[cfg(all(not(feature = "x"), test))]
mod feature_off_tests {
    use super::*;

    fn helper() {
        let _root = info_span!(parent: None, "root");
    }
}

#[cfg(not(any(test, feature = "mock")))]
fn production() {
    let _root = info_span!(parent: None, "root"); // want: TL101
}
