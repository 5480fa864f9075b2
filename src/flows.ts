import type { Directory } from './directory/directory.ts';
import { cityAddressFlow } from './flow/cityAddress.ts';
import { countyAddressFlow } from './flow/countyAddress.ts';
import type { FlowDefinition } from './flow/definition.ts';
import type { TextValues } from './flow/interpret.ts';

/** Every flow the product runs, by id. Both are checked when this module loads. */
export const flows: Readonly<Record<string, FlowDefinition>> = {
  [cityAddressFlow.id]: cityAddressFlow,
  [countyAddressFlow.id]: countyAddressFlow,
};

/** The directory values that outcome texts of both flows may name, such as {cityBapContact}. */
export function flowTextValues(directory: Directory): TextValues {
  return {
    cityBapContact: directory.contacts.cityBap.contactName,
    senaEmail: directory.contacts.sena.email,
    inclusionForumsLink: directory.links.inclusionForums,
    aboutUsLink: directory.links.aboutUs,
  };
}
