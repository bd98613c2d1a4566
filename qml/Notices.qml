pragma Singleton
import QtQuick

// Passing notices ("Template saved", "The server refused...") that any page posts
// and the window shows at its bottom.
QtObject {
    signal posted(string message, bool isError)

    function info(message) {
        posted(message, false);
    }

    function error(message) {
        posted(message, true);
    }
}
