// Where exports go: the user-dirs file's entries, $HOME expanded, comments and
// relative paths ignored.
#include <doctest.h>

#include "io/user_folders.h"

using namespace meridian::io;

TEST_CASE("user-dirs.dirs entries") {
    const std::string text =
        "# This file is written by xdg-user-dirs-update\n"
        "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
        "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n"
        "  XDG_VIDEOS_DIR=\"/srv/media/videos\"\n"
        "#XDG_DOCUMENTS_DIR=\"$HOME/old\"\n";
    CHECK(userFolderFromDirsFile(text, UserFolder::Pictures, "/home/ana") == "/home/ana/Bilder");
    CHECK(userFolderFromDirsFile(text, UserFolder::Videos, "/home/ana") == "/srv/media/videos");
    CHECK(userFolderFromDirsFile(text, UserFolder::Documents, "/home/ana").empty());  // commented out
    CHECK(userFolderFromDirsFile("XDG_PICTURES_DIR=\"Pictures\"\n", UserFolder::Pictures, "/h").empty());  // relative
    CHECK(userFolderFromDirsFile("XDG_PICTURES_DIRX=\"/x\"\n", UserFolder::Pictures, "/h").empty());
}
