//! Entry point of the WebAssembly build: mounts the app in the page.

fn main() {
    console_error_panic_hook::set_once();
    web::mount();
}
