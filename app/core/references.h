// How records point at each other, in one place: the places of an event, and
// every index a record holds into another list (so edits can renumber them
// and deletions can say who still uses a record).
#pragma once

#include "core/dataset.h"
#include "core/edit.h"

namespace meridian {

// The places of an event in route order: its place, or from, via..., to.
// (kNoIndex entries are skipped.)
template <typename Fn>
void forEachPlaceOf(const Event& e, Fn fn) {
    if (e.place != kNoIndex) fn(e.place);
    if (e.from != kNoIndex) fn(e.from);
    for (Index v : e.via)
        if (v != kNoIndex) fn(v);
    if (e.to != kNoIndex) fn(e.to);
}

// The places where an event happens, without its route points: its place, or
// from and to (a trans-shipment's stop does not make that country a party).
template <typename Fn>
void forEachEndpointOf(const Event& e, Fn fn) {
    if (e.place != kNoIndex) fn(e.place);
    if (e.from != kNoIndex) fn(e.from);
    if (e.to != kNoIndex) fn(e.to);
}

// Every index in an event that refers to a record of `target` kind.
template <typename EventT, typename Fn>
void forEachEventReference(EventT& e, RecordKind target, Fn fn) {
    switch (target) {
        case RecordKind::Place:
            fn(e.place);
            fn(e.from);
            fn(e.to);
            for (auto& v : e.via) fn(v);
            break;
        case RecordKind::Source:
            for (auto& r : e.sources) fn(r.source);
            break;
        case RecordKind::Category:
            fn(e.category);
            break;
        case RecordKind::Actor:
            for (auto& a : e.actors) fn(a);
            break;
        case RecordKind::Event:
            for (auto& a : e.answers) fn(a);  // answeredBy is derived (Dataset::linkAnswers)
            break;
        case RecordKind::Era:
        case RecordKind::Story:
            break;
    }
}

// Every index in a story that refers to a record of `target` kind.
template <typename StoryT, typename Fn>
void forEachStoryReference(StoryT& s, RecordKind target, Fn fn) {
    for (auto& step : s.steps) {
        if (target == RecordKind::Event)
            for (auto& e : step.highlight) fn(e);
        if (target == RecordKind::Category)
            for (auto& c : step.filterCategories) fn(c);
    }
}

// Every reference in the dataset's records to records of `target` kind.
template <typename Fn>
void forEachReference(Dataset& ds, RecordKind target, Fn fn) {
    for (Event& e : ds.events) forEachEventReference(e, target, fn);
    for (Story& s : ds.stories) forEachStoryReference(s, target, fn);
}

// The references a single record holds, with the kind they point at.
template <typename Fn>
void forEachReferenceIn(const Record& r, Fn fn) {
    for (int k = 0; k < kRecordKindCount; ++k) {
        const auto target = static_cast<RecordKind>(k);
        if (const Event* e = std::get_if<Event>(&r))
            forEachEventReference(*e, target, [&](const Index& i) { fn(target, i); });
        if (const Story* s = std::get_if<Story>(&r))
            forEachStoryReference(*s, target, [&](const Index& i) { fn(target, i); });
    }
}

}  // namespace meridian
