// The story tab: choose a story, go to a step, present (F5) or autoplay it,
// record the current view as a step, reorder and edit steps. Every change is
// an undoable edit of the document; saving writes it into the file.
#pragma once

#include <string>

#include "ui/context.h"

namespace meridian::ui {

class StoryPanel {
public:
    void draw(Context& c);

private:
    void drawStep(Context& c, Index storyIndex, int i);
    // Applies a changed story as an edit (typing in one field is one undo step).
    void applyStory(Context& c, Index storyIndex, Story story, const std::string& name,
                    const std::string& coalesce = {});

    Index m_chosen = 0;
    std::string m_title, m_text;  // the fields being edited
    int m_fieldsFor = -1;         // the step the fields were loaded from
    std::uint64_t m_fieldsRevision = 0;
    int m_typing = 0;  // bumped when a text field is entered: each visit is its own undo step
    std::string m_message;
};

}  // namespace meridian::ui
