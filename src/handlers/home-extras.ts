// Sections every host's sidebar adds under its own card: what probably should be a record and is
// not yet, the lessons of the project an item belongs to, and finding a record in the register.
// They help; they must never cost the user the card they came for, so a failure is only logged.
import { lessonsForSeries } from '../app/lessons';
import { suggestionsFor } from '../app/nudges';
import type { SuggestionContext } from '../app/nudges';
import type { Workplace } from '../app/deployment';
import type { Host } from '../cards/common';
import { lessonsSection, lessonStartSection } from '../cards/lesson-card';
import { suggestionsSection } from '../cards/nudge-card';
import { searchEntrySection } from '../cards/search-card';

type Section = GoogleAppsScript.Card_Service.CardSection;

export interface HomeContext extends SuggestionContext {
  host: Host;
  /** Series of the item the sidebar is about (its record's, or its folder's). */
  series?: string | null;
}

export function homeSections(w: Workplace, context: HomeContext): Section[] {
  const sections: Section[] = [];
  const add = (what: string, build: () => Section | null) => {
    try {
      const section = build();
      if (section) sections.push(section);
    } catch (error) {
      console.warn(`Sidebar section "${what}" left out: ${String(error)}`);
    }
  };
  add('suggestions', () =>
    suggestionsSection(suggestionsFor(w, context, new Date()), context.host)
  );
  if (context.series) {
    const series = context.series;
    add('lessons', () => lessonsSection(lessonsForSeries(w, series), series));
  } else {
    add('lessons', () => lessonStartSection());
  }
  add('search', () => searchEntrySection(context.host));
  return sections;
}
