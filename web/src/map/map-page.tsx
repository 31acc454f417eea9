// Map: its capability arrives with its issue; until then, the honest "coming" page.
import { ComingPage, type SectionPageProps } from '../shell/coming-page.tsx';

export function MapPage(props: SectionPageProps) {
  return <ComingPage section="map" {...props} />;
}
