import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, wardPath } from '../../api/client';
import { useSubmission } from '../../api/submission';
import type { CommandResult, ItemView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { useLanguage } from '../../i18n/language';
import type { CycleDetail } from '../../items/catalogue';
import { itemApiPath } from '../../items/paths';
import { RatingFields } from '../../items/RatingFields';
import { RatingInput, ratingFrom, ratingInputFrom, ratingProblems } from '../../items/rating-input';

type Decision = 'approve' | 'return' | 'adjust';

export interface ReviewFormProps {
  view: ItemView;
  etag?: string;
  cycle: CycleDetail;
  wardId: string;
  fy: number;
  notSuited: boolean;
  onDone: (message: string) => void;
  onStale: () => void;
}

/** Approve, return with comments (required), or adjust the rating with a reason (required). */
export function ReviewForm({ view, etag, cycle, wardId, fy, notSuited, onDone, onStale }: ReviewFormProps) {
  const { t, language } = useLanguage();
  const canReview = view.status === 'submitted';
  const [decision, setDecision] = useState<Decision>(canReview ? 'approve' : 'adjust');
  const [comments, setComments] = useState('');
  const [reason, setReason] = useState('');
  const [rating, setRating] = useState<RatingInput>(() => ratingInputFrom(view.effectiveRating));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submission = useSubmission();
  const rated = view.kind === 'project' || cycle.scheme === 'taisho';

  const body = () => {
    if (decision === 'return') return { decision, comments };
    if (decision === 'adjust') return { decision, rating: ratingFrom(rating, cycle.scheme), reason };
    return comments.trim() ? { decision, comments } : { decision };
  };

  const problems = (): Record<string, string> => {
    if (decision === 'return' && !comments.trim()) return { comments: t('review.commentsRequired') };
    if (decision !== 'adjust') return {};
    const found: Record<string, string> = { ...ratingProblems(rating, cycle.scheme, t, cycle.ordinalScale) };
    if (!ratingFrom(rating, cycle.scheme)) found['rating.grade'] = t('form.ratingRequired');
    if (!reason.trim()) found.reason = t('review.reasonRequired');
    return found;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems();
    setErrors(found);
    if (Object.keys(found).length) return;
    const payload = body();
    const result = await submission.run(payload, (idempotencyKey) =>
      api<CommandResult>(wardPath(wardId, itemApiPath(fy, view.kind, view.itemId, '/review')), {
        method: 'POST',
        body: payload,
        idempotencyKey,
        ifMatch: etag,
      }),
    );
    if (result) onDone(t(`review.done.${decision}`, { name: view.name }));
  };

  const serverErrors = submission.error?.fieldErrors(language) ?? {};
  const shownErrors = { ...serverErrors, ...errors };
  const stale = submission.error?.code === 'STALE_REVISION';
  const options = [
    { id: 'approve', label: t('review.approve'), description: t('review.approveHint'), isDisabled: !canReview },
    { id: 'return', label: t('review.return'), description: t('review.returnHint'), isDisabled: !canReview },
    ...(rated ? [{ id: 'adjust', label: t('review.adjust'), description: t('review.adjustHint') }] : []),
  ];
  return (
    <section aria-labelledby="review-form" className="flex flex-col gap-5 rounded-12 border-2 border-blue-900 p-4">
      <h2 id="review-form" className="text-std-20B-150">
        {t('review.title')}
      </h2>
      {stale && (
        <Alert tone="warning" title={t('review.staleTitle')}>
          <p>{submission.error?.text(language)}</p>
          <Button variant="secondary" size="sm" className="mt-2" onPress={onStale}>
            {t('conflict.takeTheirs')}
          </Button>
        </Alert>
      )}
      {submission.error && !stale && !submission.error.body.field && !submission.error.body.details?.errors && (
        <Alert tone="error" title={t('review.failed')}>
          <p>{submission.error.text(language)}</p>
        </Alert>
      )}
      <Form onSubmit={onSubmit} className="flex flex-col gap-5" validationBehavior="aria">
        <RadioGroup
          label={t('review.decision')}
          options={options}
          value={decision}
          onChange={(d) => setDecision(d as Decision)}
        />
        {decision !== 'adjust' && (
          <TextArea
            label={decision === 'return' ? t('review.comments') : t('review.approveComment')}
            description={decision === 'return' ? t('review.commentsHint') : undefined}
            value={comments}
            onChange={setComments}
            error={shownErrors.comments}
            isRequired={decision === 'return'}
            rows={4}
          />
        )}
        {decision === 'adjust' && (
          <>
            <RatingFields
              scheme={cycle.scheme}
              value={rating}
              onChange={setRating}
              errors={shownErrors}
              bReasons={cycle.bReasons}
              nothingPlanned={view.nothingPlanned}
              notSuitedForShortTermEvaluation={notSuited}
              initiative={view.kind === 'project'}
              label={t('review.adjustedRating')}
              ordinalScale={cycle.ordinalScale}
            />
            <TextArea
              label={t('review.reason')}
              description={t('review.reasonHint')}
              value={reason}
              onChange={setReason}
              error={shownErrors.reason}
              isRequired
              rows={3}
            />
          </>
        )}
        <div>
          <Button type="submit" isPending={submission.pending}>
            {t(`review.submit.${decision}`)}
          </Button>
        </div>
      </Form>
    </section>
  );
}
