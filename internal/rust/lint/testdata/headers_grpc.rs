pub fn f(req: &Request) -> bool {
    req.metadata().contains_key("baggage") // want: TL105
}
