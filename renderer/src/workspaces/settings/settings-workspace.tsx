import { InvoicingSection } from './invoicing-section';
import { PreferencesSection } from './preferences-section';
import { ProfilesSection } from './profiles-section';

export function SettingsWorkspace() {
  return (
    <div className="settings">
      <PreferencesSection />
      <ProfilesSection />
      <InvoicingSection />
    </div>
  );
}
