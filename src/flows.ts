import { districtTextValues, type Directory } from './directory/directory.ts';
import { cityAddressFlow, cityAddressFlowSource } from './flow/cityAddress.ts';
import { countyAddressFlow, countyAddressFlowSource } from './flow/countyAddress.ts';
import type { FlowDefinition, FlowDefinitionInput } from './flow/definition.ts';
import type { TextValues } from './flow/interpret.ts';
import { ReasonedError } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * The flow registry: the only way the rest of the code reaches a flow definition (test/flow/registry.test.ts
 * fails on a direct import of a flow file from anywhere else). Every flow is checked when its module loads.
 */

/** The flows the product runs, by id. */
export const flowIds = ['cityAddress', 'countyAddress'] as const;
export type FlowId = (typeof flowIds)[number];

/** The flow a case or a scenario runs when none is named: the city-address flow, the product's first. */
export const defaultFlowId: FlowId = 'cityAddress';

export const flows: Readonly<Record<FlowId, FlowDefinition>> = {
  cityAddress: cityAddressFlow,
  countyAddress: countyAddressFlow,
};

/** The flows as written, before their defaults are applied: for the checker's own tests. */
export const flowSources: Readonly<Record<FlowId, FlowDefinitionInput>> = {
  cityAddress: cityAddressFlowSource,
  countyAddress: countyAddressFlowSource,
};

/** The situation each flow is for, as a coordinator would say it when starting a case. */
export const flowSituations: Readonly<Record<FlowId, string>> = {
  cityAddress: 'A City-address student in a county school',
  countyAddress: 'A county-address child in a City school',
};

/** The heading over an outcome's `cityExpectation`: whom the expectation is of, in each flow. */
export const expectationHeadings: Readonly<Record<FlowId, string>> = {
  cityAddress: 'What to expect from the City',
  countyAddress: 'What to expect from the partnership',
};

export const isFlowId = (value: unknown): value is FlowId =>
  typeof value === 'string' && (flowIds as readonly string[]).includes(value);

/** The flow with this id. */
export const flowById = (id: FlowId): FlowDefinition => flows[id];

export interface FlowRefusal {
  reason: 'unknownFlow' | 'wrongFlowVersion';
  message: string;
}

/**
 * The flow a case was started under, which it is always continued under: its recorded id and version (or a
 * later patch of it, which changes wording only). A case of a flow or version this app does not run is
 * refused, never run under another.
 */
export function flowOfCase(record: {
  flowId: string;
  flowVersion: string;
}): Result<FlowDefinition, FlowRefusal> {
  if (!isFlowId(record.flowId))
    return fail({
      reason: 'unknownFlow',
      message: `This case was started under the flow "${record.flowId}", which this app does not run.`,
    });
  const flow = flows[record.flowId];
  // A patch version changes wording only (never a question or a route), so a case continues under it.
  const release = (version: string) => version.split('.').slice(0, 2).join('.');
  if (release(flow.version) !== release(record.flowVersion))
    return fail({
      reason: 'wrongFlowVersion',
      message: `This case was started under ${flow.id} ${record.flowVersion}; this app runs ${flow.id} ${flow.version}.`,
    });
  return ok(flow);
}

/** A case whose flow this app does not run: a stored case is never run under another flow. */
export class FlowUnavailableError extends ReasonedError<FlowRefusal['reason']> {}

/** The flow of a stored case, for code that has already loaded it: throws FlowUnavailableError otherwise. */
export function caseFlow(record: { flowId: string; flowVersion: string }): FlowDefinition {
  const found = flowOfCase(record);
  if (!found.ok) throw new FlowUnavailableError(found.error.reason, found.error.message);
  return found.value;
}

/** The directory values that outcome texts of both flows may name, such as {cityBapContact}. */
export function flowTextValues(directory: Directory): TextValues {
  return {
    cityBapContact: directory.contacts.cityBap.contactName,
    senaEmail: directory.contacts.sena.email,
    inclusionForumsLink: directory.links.inclusionForums,
    aboutUsLink: directory.links.aboutUs,
    ...districtTextValues(directory),
  };
}
