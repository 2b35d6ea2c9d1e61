//! Passing a link on: the system's share sheet where the browser has one (phones), else the
//! clipboard. Both are reached through `js_sys::Reflect`, so a browser without them simply
//! answers `false` and the page offers the link to copy by hand.

/// Copies `text` to the clipboard; `false` when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let Some(window) = web_sys::window() else {
            return false;
        };
        let navigator: JsValue = window.navigator().into();
        let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        else {
            return false;
        };
        call_method(&clipboard, "writeText", &JsValue::from_str(text)).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Opens the system's share sheet with `title` and `url`; `false` when the browser has none,
/// or the person closed it without sharing.
pub async fn share_link(title: &str, url: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let Some(window) = web_sys::window() else {
            return false;
        };
        let navigator: JsValue = window.navigator().into();
        let data = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            js_sys::Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v)).is_ok()
        };
        if !(set("title", title) && set("url", url)) {
            return false;
        }
        call_method(&navigator, "share", &data.into()).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (title, url);
        false
    }
}

/// Calls `target.name(arg)`, a method answering a promise, and whether it resolved.
#[cfg(target_arch = "wasm32")]
async fn call_method(
    target: &wasm_bindgen::JsValue,
    name: &str,
    arg: &wasm_bindgen::JsValue,
) -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let Ok(method) = js_sys::Reflect::get(target, &JsValue::from_str(name)) else {
        return false;
    };
    let Ok(method) = method.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = method.call1(target, arg) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
