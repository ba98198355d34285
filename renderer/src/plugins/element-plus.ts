// Element Plus, registered component by component so the bundle carries only
// what the app uses (the full library is ~1 MB). Add a component here when a
// page starts using a new one; its template tag then works everywhere.
import type { App, Component } from 'vue';
import {
  ElAlert, ElAside, ElAutocomplete, ElBadge, ElButton, ElCheckbox, ElCol, ElConfigProvider, ElContainer,
  ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElDrawer, ElDropdown, ElDropdownItem,
  ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElHeader, ElIcon, ElImage, ElInput, ElInputNumber, ElLink,
  ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElOptionGroup, ElPagination, ElRadio, ElRadioGroup,
  ElResult, ElRow, ElSelect, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTooltip,
} from 'element-plus';

/** exactly the components the templates use (tests/unit/element-plus-registry.test.ts holds it) */
export const components: Component[] = [
  ElAlert, ElAside, ElAutocomplete, ElBadge, ElButton, ElCheckbox, ElCol, ElConfigProvider, ElContainer,
  ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElDrawer, ElDropdown, ElDropdownItem,
  ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElHeader, ElIcon, ElImage, ElInput, ElInputNumber, ElLink,
  ElMain, ElMenu, ElMenuItem, ElOption, ElOptionGroup, ElPagination, ElRadio, ElRadioGroup,
  ElResult, ElRow, ElSelect, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTooltip,
];

export function installElementPlus(app: App): void {
  for (const c of components) app.use(c as Component & { install: (app: App) => void });
  app.use(ElLoading);
}
