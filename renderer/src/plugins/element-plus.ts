// Element Plus, registered component by component so the bundle carries only
// what the app uses (the full library is ~1 MB). Add a component here when a
// page starts using a new one; its template tag then works everywhere.
import type { App, Component } from 'vue';
import {
  ElAlert, ElAside, ElAutocomplete, ElBadge, ElButton, ElButtonGroup, ElCard, ElCheckbox, ElCheckboxGroup,
  ElCol, ElCollapse, ElCollapseItem, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDivider, ElDrawer, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty,
  ElForm, ElFormItem, ElHeader, ElIcon, ElImage, ElInput, ElInputNumber, ElLink, ElLoading, ElMain, ElMenu,
  ElMenuItem, ElOption, ElPagination, ElPopconfirm, ElProgress, ElRadio, ElRadioButton, ElRadioGroup,
  ElResult, ElRow, ElScrollbar, ElSelect, ElSkeleton, ElSpace, ElStatistic, ElStep, ElSteps, ElSwitch,
  ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElText, ElTimeline, ElTimelineItem, ElTooltip, ElUpload,
} from 'element-plus';

const components: Component[] = [
  ElAlert, ElAside, ElAutocomplete, ElBadge, ElButton, ElButtonGroup, ElCard, ElCheckbox, ElCheckboxGroup,
  ElCol, ElCollapse, ElCollapseItem, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDivider, ElDrawer, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty,
  ElForm, ElFormItem, ElHeader, ElIcon, ElImage, ElInput, ElInputNumber, ElLink, ElMain, ElMenu,
  ElMenuItem, ElOption, ElPagination, ElPopconfirm, ElProgress, ElRadio, ElRadioButton, ElRadioGroup,
  ElResult, ElRow, ElScrollbar, ElSelect, ElSkeleton, ElSpace, ElStatistic, ElStep, ElSteps, ElSwitch,
  ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElText, ElTimeline, ElTimelineItem, ElTooltip, ElUpload,
];

export function installElementPlus(app: App): void {
  for (const c of components) app.use(c as Component & { install: (app: App) => void });
  app.use(ElLoading);
}
