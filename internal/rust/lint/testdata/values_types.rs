// The type of a recorded value, from literals, parameter and let types,
// `as`, and the methods whose result type is known.
use tracing::info_span;

pub fn lengths(method: &str, port: u16) {
    let _a = info_span!("a", http.request.method = method.len()); // want: TL302
    let _b = info_span!("b", server.port = method.len());
    // A free function called count or len may return anything.
    let _c = info_span!("c", http.request.method = count());
    // ...and so may a method called count that takes arguments.
    let _d = info_span!("d", http.request.method = method.count(','));
    let _e = info_span!("e", server.port = display(port)); // want: TL302
    let _f = info_span!("f", http.request.method = -1); // want: TL302
}

pub fn lets(method: &str) {
    let n = 5;
    let _a = info_span!("a", http.request.method = n); // want: TL302
    // The closure's own n is another variable.
    let k = 5;
    let _lengths = |k: &str| k.len();
    let _b = info_span!("b", http.request.method = k); // want: TL302
    // Only the let of that name counts.
    let m = 5;
    let other = "GET";
    let _c = info_span!("c", http.request.method = m); // want: TL302
    let t: u16 = compute();
    let _d = info_span!("d", http.request.method = t); // want: TL302
    let later;
    later = 5;
    let _e = info_span!("e", http.request.method = later);
    // A copy of a variable is not followed.
    let p = 5;
    let p = p;
    let _f = info_span!("f", http.request.method = p);
}

pub fn typed<'a>(name: &'a str, tags: Vec<String>, items: Vec<Item>, rows: Vec<Vec<String>>, ids: &[i64]) {
    let _a = info_span!("a", server.port = name); // want: TL302
    let _b = info_span!("b", http.request.method = tags); // want: TL302
    let _c = info_span!("c", http.request.method = items);
    let _d = info_span!("d", http.request.method = rows);
    let _e = info_span!("e", http.request.method = ids); // want: TL302
}

pub fn negated(stats: &Stats) {
    // A minus keeps the type of what it negates.
    let _a = info_span!("a", http.request.method = -stats.count()); // want: TL302
}

// A C variadic's name is no parameter of a type.
pub unsafe extern "C" fn variadic(n: i32, mut args: ...) {
    let args = 5;
    let _a = info_span!("a", http.request.method = args); // want: TL302
}
