pub fn f(req: &Request) -> bool {
    req.headers().contains_key("baggage") // want: TL105
}
