// The verbs every register answers (list, get, create, update, delete, restore, purge,
// suggest), typed for whichever register a page shows: `registerApi(name).list(query)`.
// The method name is `${RegisterName}.${verb}`, so input and result are the union over
// the registers — no cast to one register's method.
import type { InputOf, OutputOf } from '@shared/contract/index.ts';
import type { RegisterName } from '@shared/registers.ts';
import { call } from './client.ts';

export type RegisterVerb = 'list' | 'get' | 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'suggest';
type Method<V extends RegisterVerb> = `${RegisterName}.${V}`;
type Verbs = { [V in RegisterVerb]: (input: InputOf<Method<V>>) => Promise<OutputOf<Method<V>>> };

export function registerApi(name: RegisterName): Verbs {
  const verb =
    <V extends RegisterVerb>(v: V) =>
    (input: InputOf<Method<V>>) =>
      call(`${name}.${v}` as Method<V>, input);
  return {
    list: verb('list'),
    get: verb('get'),
    create: verb('create'),
    update: verb('update'),
    delete: verb('delete'),
    restore: verb('restore'),
    purge: verb('purge'),
    suggest: verb('suggest'),
  };
}
