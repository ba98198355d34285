// Element Plus, registered component by component so the bundle carries only
// what the app uses (the full library is ~1 MB). Add a component here when a
// page starts using a new one; its template tag then works everywhere.
// (Read through the namespace: one list of names, and the bundler still keeps only these.)
import type { App, Component } from 'vue';
import * as ElementPlus from 'element-plus';

/** exactly the components the templates use (tests/unit/element-plus-registry.test.ts holds it) */
export const components: Component[] = [
  ElementPlus.ElAlert,
  ElementPlus.ElAside,
  ElementPlus.ElAutocomplete,
  ElementPlus.ElBadge,
  ElementPlus.ElButton,
  ElementPlus.ElCheckbox,
  ElementPlus.ElCol,
  ElementPlus.ElConfigProvider,
  ElementPlus.ElContainer,
  ElementPlus.ElDatePicker,
  ElementPlus.ElDescriptions,
  ElementPlus.ElDescriptionsItem,
  ElementPlus.ElDialog,
  ElementPlus.ElDrawer,
  ElementPlus.ElDropdown,
  ElementPlus.ElDropdownItem,
  ElementPlus.ElDropdownMenu,
  ElementPlus.ElEmpty,
  ElementPlus.ElForm,
  ElementPlus.ElFormItem,
  ElementPlus.ElHeader,
  ElementPlus.ElIcon,
  ElementPlus.ElImage,
  ElementPlus.ElInput,
  ElementPlus.ElInputNumber,
  ElementPlus.ElLink,
  ElementPlus.ElMain,
  ElementPlus.ElMenu,
  ElementPlus.ElMenuItem,
  ElementPlus.ElOption,
  ElementPlus.ElOptionGroup,
  ElementPlus.ElPagination,
  ElementPlus.ElRadio,
  ElementPlus.ElRadioButton,
  ElementPlus.ElRadioGroup,
  ElementPlus.ElResult,
  ElementPlus.ElRow,
  ElementPlus.ElSelect,
  ElementPlus.ElSwitch,
  ElementPlus.ElTable,
  ElementPlus.ElTableColumn,
  ElementPlus.ElTabPane,
  ElementPlus.ElTabs,
  ElementPlus.ElTag,
  ElementPlus.ElTooltip,
];

export function installElementPlus(app: App): void {
  for (const c of components) app.use(c as Component & { install: (app: App) => void });
  app.use(ElementPlus.ElLoading);
}
