//! The admin token for this browser tab: kept in sessionStorage (gone when
//! the tab closes), never in a cookie, so no other site can ride on it.

const KEY: &str = "candor:admin-token";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The token this tab signed in with.
pub fn token() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten().filter(|t| !t.is_empty())
}

/// Keeps `token` for this tab.
pub fn keep(token: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY, token);
    }
}

/// Forgets the token (signing out, or when the collector refuses it).
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}
