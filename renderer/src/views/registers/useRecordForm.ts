// A record form's state: the values, which fields show and which are required now,
// inline errors (validateRecord before sending, the server's issues after), the
// unsaved-changes check, and the data warning about the record as filled in.
import { computed, reactive, ref, watch, type Ref } from 'vue';
import { validateRecord } from '@shared/validation.ts';
import { fieldApplies, type FieldDef } from '@shared/registers.ts';
import { ApiCallError, call } from '@/api/client.ts';
import { runAction } from '@/composables/useAction.ts';
import { todayLocal } from '@/components/cases/case-docs.ts';
import type { RegisterPageConfig } from './register-config.ts';
import { emptyForm, formToPayload, hadValue, newForm, recordToForm, snapshot, type FormValues } from './record-form.ts';

const DUPLICATE_CASE_NO = '已被另一件案件使用';

export function useRecordForm(config: Ref<RegisterPageConfig>, record: Ref<Record<string, unknown> | null>) {
  const def = computed(() => config.value.def);
  const form = ref<FormValues>(emptyForm(def.value));
  const initial = ref('');
  const errors = reactive<Record<string, string>>({});
  const generalError = ref('');
  const attempted = ref(false);
  const changed = computed(() => snapshot(form.value) !== initial.value);

  function clearErrors() {
    for (const k of Object.keys(errors)) delete errors[k];
  }

  /** a fresh form for the record (or a new one); `prepare` fills in what a new record starts with */
  function reset(prepare?: (form: FormValues) => void) {
    form.value = record.value ? recordToForm(def.value, record.value) : newForm(def.value);
    prepare?.(form.value);
    markSaved();
    attempted.value = false;
    generalError.value = '';
    clearErrors();
  }
  /** the form as it is now counts as unchanged */
  function markSaved() {
    initial.value = snapshot(form.value);
  }

  const orderedFields = computed(() => {
    const order = config.value.formOrder;
    if (!order) return def.value.fields;
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    return [...def.value.fields].sort((a, b) => rank(a.key) - rank(b.key));
  });
  const shownFields = computed(() =>
    orderedFields.value.filter((f) => {
      const when = config.value.visibleWhen?.[f.key];
      return (!when || when(form.value)) && (fieldApplies(f, form.value) || hadValue(record.value, f));
    }),
  );
  const requiredNow = (f: FieldDef) => !!f.required || (!!f.requiredWhenShown && fieldApplies(f, form.value));

  /** true when the form may be sent; otherwise its messages are beside the fields */
  function validate(): boolean {
    const duplicate = errors.caseNo?.includes(DUPLICATE_CASE_NO) ? errors.caseNo : null;
    clearErrors();
    if (duplicate) errors.caseNo = duplicate;
    generalError.value = '';
    const result = validateRecord(def.value, payload());
    if (result.ok) return !errors.caseNo;
    for (const i of result.issues) {
      if (i.field && !errors[i.field]) errors[i.field] = i.message;
      else if (!i.field) generalError.value = i.message;
    }
    return false;
  }
  watch(form, () => attempted.value && validate(), { deep: true });

  /** the server's issues, beside their fields */
  function showServerIssues(e: unknown) {
    if (!(e instanceof ApiCallError) || !e.issues.length) return;
    clearErrors();
    for (const i of e.issues) {
      const key = i.field.replace(/^record\./, '');
      if (key && def.value.fields.some((f) => f.key === key)) errors[key] = i.message;
      else generalError.value = i.message;
    }
  }

  const payload = () => formToPayload(def.value, form.value, record.value);
  const yearOfDate = computed(() => {
    const d = form.value[def.value.dateKey];
    return typeof d === 'string' && d.length >= 4 ? Number(d.slice(0, 4)) : null;
  });
  /** a data warning about the record as filled in (e.g. a reply later than the 《条例》 allows) */
  const dataWarning = computed(() => config.value.warningOf?.(payload(), todayLocal()) ?? null);

  return {
    def,
    form,
    errors,
    generalError,
    attempted,
    changed,
    reset,
    markSaved,
    shownFields,
    requiredNow,
    validate,
    showServerIssues,
    payload,
    yearOfDate,
    dataWarning,
  };
}

/** 案号 of a mediation case: suggested for a new one (kept in step with the 受理日期's year until the clerk edits it) and checked unique in its year as the clerk leaves the field */
export function useCaseNo(
  state: Pick<ReturnType<typeof useRecordForm>, 'form' | 'errors' | 'changed' | 'markSaved'>,
  recordId: () => string | null,
  year: () => number,
) {
  const { form, errors } = state;
  const suggested = ref('');

  async function suggest() {
    const d = form.value.acceptedOn;
    const inYear = typeof d === 'string' && d.length >= 4 ? Number(d.slice(0, 4)) : year();
    const next = await runAction(() => call('cases.nextCaseNo', { year: inYear }), { errorTo: 'quiet' }); // assigned on save anyway
    if (next === undefined) return;
    if (!form.value.caseNo || form.value.caseNo === suggested.value) {
      const untouched = !state.changed.value;
      form.value.caseNo = next;
      if (untouched) state.markSaved();
    }
    suggested.value = next;
  }

  async function check() {
    const caseNo = String(form.value.caseNo ?? '').trim();
    const acceptedOn = form.value.acceptedOn;
    if (!caseNo || typeof acceptedOn !== 'string') return;
    const id = recordId();
    const r = await runAction(() => call('cases.checkCaseNo', { caseNo, acceptedOn, ...(id ? { id } : {}) }), { errorTo: 'quiet' }); // checked again on save
    if (!r) return;
    if (!r.free) errors.caseNo = r.message ?? '案号重复';
    else if (errors.caseNo?.includes(DUPLICATE_CASE_NO)) delete errors.caseNo;
  }

  return { suggested, suggest, check };
}
