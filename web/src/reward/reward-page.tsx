// Reward: its capability arrives with its issue; until then, the honest "coming" page.
import { ComingPage, type SectionPageProps } from '../shell/coming-page.tsx';

export function RewardPage(props: SectionPageProps) {
  return <ComingPage section="reward" {...props} />;
}
