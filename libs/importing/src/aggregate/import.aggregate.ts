import { assertNever, conflict, requireRole } from '@pdca/kernel';
import type { Actor, DomainEvent } from '@pdca/kernel';
import type { ItemRef } from '@pdca/review';

/** One confirmed import: the attributed batch that can later be reverted by compensating events. */
export interface ImportSummary {
  importId: string;
  files: Array<{ name: string; sha256: string; bytes: number }>;
  catalogueCommands: number;
  records: ItemRef[];
}

export type ImportEvent =
  | DomainEvent<'ImportConfirmed', ImportSummary & { wardId: string; confirmedAt: string }>
  | DomainEvent<'ImportReverted', { wardId: string; importId: string; reason: string; revertedAt: string }>;

export type ImportState = { status: 'none' } | { status: 'confirmed' | 'reverted'; summary: ImportSummary };

export type ImportCommand =
  | { type: 'ConfirmImport'; data: ImportSummary; context: { actor: Actor; wardId: string; now: string } }
  | { type: 'RevertImport'; data: { reason: string }; context: { actor: Actor; wardId: string; now: string } };

export const importStream = (wardId: string, importId: string) => `import-${wardId}-${importId}`;

export function decideImport(command: ImportCommand, state: ImportState): ImportEvent[] {
  const { actor, wardId, now } = command.context;
  requireRole(actor, 'planning_office');
  switch (command.type) {
    case 'ConfirmImport':
      if (state.status !== 'none') return [];
      return [{ type: 'ImportConfirmed', data: { wardId, ...command.data, confirmedAt: now } }];
    case 'RevertImport':
      if (state.status === 'none') throw conflict('IMPORT_NOT_FOUND', 'この取込みは確定されていません。', 'This import was never confirmed.');
      if (state.status === 'reverted') return [];
      return [{ type: 'ImportReverted', data: { wardId, importId: state.summary.importId, reason: command.data.reason, revertedAt: now } }];
    default:
      return assertNever(command, 'import command');
  }
}

export function evolveImport(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'ImportConfirmed': {
      const { importId, files, catalogueCommands, records } = event.data;
      return { status: 'confirmed', summary: { importId, files, catalogueCommands, records } };
    }
    case 'ImportReverted':
      return state.status === 'none' ? state : { ...state, status: 'reverted' };
    default:
      return assertNever(event, 'import event');
  }
}

export const importDecider = { decide: decideImport, evolve: evolveImport, initialState: (): ImportState => ({ status: 'none' }) };
